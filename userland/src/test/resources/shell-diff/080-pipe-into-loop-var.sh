n=0
seq 3 | while read i; do n=$((n+i)); done
echo $n
