a=10 b=20
(( a < b )) && echo less
(( a == 10 && b == 20 )) && echo both
(( a > b )) || echo notgreater
(( c = a + b )); echo $c
max=$(( a > b ? a : b )); echo $max
(( a-- )); echo $a
(( a <<= 2 )); echo $a
n=0; while (( n < 3 )); do echo $n; (( n++ )); done
(( 3 > 2 )) && (( 1 )) && echo chain
