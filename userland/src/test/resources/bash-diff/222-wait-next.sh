wait -n; echo "none $?"
(sleep 0.2; exit 3) & a=$!
(sleep 1; exit 4) & b=$!
wait -n -p who; echo "first $? $([ "$who" = "$a" ] && echo a)"
wait -n; echo "second $?"
wait -n; echo "third $?"
(exit 6) & sleep 1
wait -n; echo "ended before $?"
wait
sleep 1 & x=$!; (sleep 0.1; exit 7) & y=$!
wait -n $x; echo "named $?"
wait $y; echo "other $?"
(sleep 0.1; exit 9) &
wait -n %1; echo "spec $?"
for i in 1 2 3; do (sleep 0.$i; exit $i) & done
n=0; while wait -n; s=$?; [ $s -ne 127 ]; do n=$((n+s)); done; echo "sum $n"
wait -x 2>/dev/null; echo "bad $?"
sleep 0 & p=$!; wait $p; wait $p; echo "twice $?"
(exit 3) & q=$!; sleep 1; jobs >/dev/null; wait $q; echo "after jobs $?"
(exit 8) & r=$!; wait -n; wait $r; echo "after wait-n $?"
