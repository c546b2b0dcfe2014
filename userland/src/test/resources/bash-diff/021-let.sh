let a=1+2
echo $a
let "b = a * 3" c=b+1
echo $b $c
let a++ ; echo $a
let 0; echo "st=$?"
let 5; echo "st=$?"
let "x = 1 << 3"; echo $x
