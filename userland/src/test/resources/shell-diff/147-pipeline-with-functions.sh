double() { while read n; do echo $((n*2)); done; }
square() { while read n; do echo $((n*n)); done; }
seq 4 | double | square | tail -n 2
