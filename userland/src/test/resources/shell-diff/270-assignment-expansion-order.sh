A=1 B=$A sh -c 'echo "B=$B"'
A=1; A=2 B=$A sh -c 'echo "B=$B"'
x=a y=$x; echo "$y"
unset v; v=1 eval 'echo "v=$v"'; echo "after v=${v-unset}"
n=0; f() { echo "in f n=$n"; }; n=5 f; echo "out n=$n"
VAR=exported exec sh -c 'echo $VAR'
