(( 1 + 1 == 2 )) && echo two
(( 0 )); echo "zero st=$?"
(( 5 )); echo "five st=$?"
x=3
(( x++ )); echo $x
(( ++x )); echo $x
(( x += 10, y = x * 2 )); echo $x $y
(( z = x > 5 ? 1 : 0 )); echo $z
if (( x % 2 == 0 )); then echo even; else echo odd; fi
a=(1 2 3)
(( a[1] = 20 )); echo "${a[@]}"
echo $(( 2 ** 8 ))
echo $(( 16#ff + 2#101 + 8#17 ))
echo $(( -5 / 2 )) $(( -5 % 2 ))
