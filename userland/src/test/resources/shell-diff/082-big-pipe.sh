seq 20000 | wc -l
seq 50000 | sort | tail -n 1
seq 30000 | tr 0-9 a-j | tail -n 2
