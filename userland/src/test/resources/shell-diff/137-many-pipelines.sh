i=0
while [ $i -lt 100 ]; do echo $i | cat > /dev/null; i=$((i+1)); done
echo $i
for i in $(seq 50); do x=$(echo $i); done; echo $x
