echo "a b c" | read x y z; echo "[${x-}]"
echo hello | { read v; echo "in group: $v"; }
printf '3\n1\n2\n' | sort | head -n 1
seq 10 | while read n; do (( n % 3 == 0 )) && echo "$n"; done
count=0; while read _; do ((count++)); done < <(seq 5); echo $count
echo abc | tr a-c A-C | rev
