set -e
if ( false; echo inside ); then echo then; else echo else; fi
( set -e; false; echo nope ) || echo "subshell failed"
f() { false; echo "f continues"; }
if f; then :; fi
x=$(set -e; false; echo no); echo "x=[$x]"
false || true; echo ok
echo last
