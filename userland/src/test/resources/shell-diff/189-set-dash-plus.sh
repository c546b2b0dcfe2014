set -x
set - a b c
echo "$# $1 $- x"
set -- 
echo "$#"
set -e
set +
echo "[$-]"
set + x y
echo "$# $*"
set -- -a -b
echo "$1 $2"
set -f -- 'x*'
echo $1 "$-"
