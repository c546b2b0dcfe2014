x=1
f() { x=2; return; }
f
echo $x
g() { set -- a b c; echo $#; }
set -- 1
g
echo $#
h() { echo "$@"; shift; echo "$@"; }
h x y z
echo "$1"
