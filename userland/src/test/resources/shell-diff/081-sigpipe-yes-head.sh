yes | head -n 3
echo status $?
seq 100000 | head -n 1
