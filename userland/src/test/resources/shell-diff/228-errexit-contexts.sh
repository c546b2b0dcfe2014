set -e
x=$(false) || true
echo "a"
false || echo "or"
if false; then :; fi
echo "b"
f() { false; echo "f-continues-in-cond"; }
f && echo ok
! false
echo "c"
g() { false; }
g || echo "g failed"
{ false; } || echo "brace"
( set -e; false; echo no ) || echo "sub failed"
while false; do :; done
echo "d"
false
echo "not reached"
