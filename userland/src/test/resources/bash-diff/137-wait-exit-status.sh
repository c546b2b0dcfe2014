f() { sleep 0.1; return 4; }
f & pid=$!
wait $pid; echo "wait $?"
(sleep 0.1; exit 5) & p1=$!
(exit 6) & p2=$!
wait $p1 $p2; echo "last $?"
wait; echo "none $?"
