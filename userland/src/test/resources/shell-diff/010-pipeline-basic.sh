echo hello | tr a-z A-Z
seq 5 | tail -n 2
printf 'b\na\nc\n' | sort | head -n 2
