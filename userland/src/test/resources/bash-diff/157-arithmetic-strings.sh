a="5"; b=" 3 "
echo $(( a + b ))
c="a"; a=7; echo $(( c ))
unset d; echo $(( d + 1 ))
e=""; echo $(( e + 2 ))
f=3; g=f; h=g; echo $(( h ))
(( "1 + 2" == 3 )) && echo quoted-expr
echo $(( 1e3 )) 2>/dev/null || echo "no floats"
