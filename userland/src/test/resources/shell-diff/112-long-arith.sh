x=1; i=0
while [ $i -lt 20 ]; do x=$((x*2)); i=$((i+1)); done
echo $x $((x % 1000)) $(( (x >> 10) & 0xff ))
