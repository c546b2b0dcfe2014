a=7 b=3
echo $((a / b)) $((a % b)) $((a ** 2)) $(( (a + b) * 2 ))
echo $((a > b ? a : b))
echo $(( a & b )) $(( a | b )) $(( a ^ b )) $(( ~a )) $(( a << 2 )) $(( a >> 1 ))
echo $(( a++ )) $a $(( --b )) $b
echo $(( 0x1F )) $(( 017 )) $(( 2#1010 )) $(( 36#z ))
x="3 + 4"; echo $(( x * 2 ))
arr=(10 20 30); i=1; echo $(( arr[i] + arr[2] ))
echo $(( arr[0] += 5 )) ${arr[0]}
echo $((1, 2, 3))
echo $[2 + 2]
