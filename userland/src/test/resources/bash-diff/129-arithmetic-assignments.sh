declare -i x=10
x+=5; echo $x
x=x*2; echo $x
x='x / 3'; echo $x
y=7
(( y *= 3, y -= 1 )); echo $y
z=$(( y > 10 ))
echo $z
i=0; (( i++ )) || echo "post-increment from zero is false"
(( ++i )) && echo "pre-increment true"
echo $(( i == 2 ? 100 : 200 ))
