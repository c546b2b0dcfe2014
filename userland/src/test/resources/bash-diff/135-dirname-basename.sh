p=/usr/local/lib/libfoo.so.1
echo "$(dirname "$p") $(basename "$p") $(basename "$p" .1)"
echo "${p%/*} ${p##*/}"
ext=${p##*.}; echo $ext
stem=${p##*/}; stem=${stem%%.*}; echo $stem
rel=./a/b/../c; echo "${rel#./}"
