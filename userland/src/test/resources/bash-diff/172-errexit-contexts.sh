set -e
f() { false; echo "after false in f"; }
f || echo "f failed"
if f; then echo yes; fi
! f; echo "negated ok"
g() { return 3; }
g && echo no || echo "g=$?"
x=$(false) || echo "subst fail $?"
false && true
echo "and-list ok"
( false; echo never ) || echo "sub $?"
{ false; echo never2; } || echo "brace $?"
while false; do :; done; echo loop
