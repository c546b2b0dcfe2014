set -e
f() { false; echo "f continues"; }
f || echo "f failed"
x=$(false; echo "cmdsub continues")
echo "$x"
true && false || echo "or saves"
! true
echo "negation ok"
(( 0 )) || echo "arith zero ok"
echo end
false
echo never
