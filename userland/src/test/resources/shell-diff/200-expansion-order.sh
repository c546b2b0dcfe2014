n=0
a=$((n+=1)) b=$((n+=1)) c=$((n*10))
echo "$a $b $c $n"
x=1
x=2 y=$x
echo "$y"
f() { echo "f sees $v"; }
v=outer
v=inner f
echo "after $v"
unset v
v=temp true
echo "v=${v-unset}"
i=0
echo $((i+=1)) >out$((i+=1)).txt
ls out*.txt
cat out2.txt 2>/dev/null || cat out1.txt
