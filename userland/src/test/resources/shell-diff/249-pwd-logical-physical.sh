mkdir -p real/sub
ln -s real link
cd link
pwd | sed 's,.*/,,'
pwd -L | sed 's,.*/,,'
pwd -P | sed 's,.*/,,'
cd sub
pwd | sed 's,.*/link/,link/,'
cd ..
cd -P . && pwd | sed 's,.*/,,'
