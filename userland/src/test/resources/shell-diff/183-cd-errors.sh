cd nosuch_dir
echo "status $?"
touch f
cd f
echo "status $?"
mkdir d
cd d && echo "${PWD##*/}"
cd ..
cd -P d && echo "${PWD##*/}"
