set -- a "b c" d
echo $# "$1" "$2" "$3" "$4"
shift; echo $# "$1"
shift 2; echo $#
shift 2>/dev/null; echo "shift st=$?"
set -- 1 2 3 4 5 6 7 8 9 10
echo $10 ${10} $#
f() { echo "f: $# $1 $2"; }
f x y z
f "$@"
f "$*"
g() { set -- inner; echo "g: $1"; }
g outer
echo "after g: $1"
echo "$0" | sed 's,.*/,,'
