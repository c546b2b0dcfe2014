printf '%s\n' banana apple cherry apple banana apple | sort | uniq -c | sort -rn | head -n 2 | awk '{print $2, $1}'
seq 1 20 | grep -v 5 | paste -sd+
echo "a,b;c d" | tr ',;' '  ' | wc -w
ls -1 / | head -n 3 | wc -l
