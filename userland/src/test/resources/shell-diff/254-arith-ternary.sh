echo $(( 5 > 3 ? 10 : 20 ))
echo $(( 1 ? 2 ? 3 : 4 : 5 ))
x=0; echo $(( x ? 1/x : 0 ))
echo $(( 0 && 1/0 ))
echo $(( 1 || 1/0 ))
i=5; echo $(( i++ )) 2>/dev/null || echo "no postinc"
