sleep 0.2 & p1=$!; sleep 0.1 & p2=$!
wait -n; echo "wait-n $?"
wait $p1 $p2; echo "both $?"
(exit 5) & wait $!; echo "st $?"
kill -0 $$ && echo alive
kill -0 999999 2>/dev/null; echo "dead $?"
sleep 5 & k=$!; kill $k; wait $k; echo "killed $?"
sleep 5 & k=$!; kill -9 $k; wait $k; echo "nine $?"
jobs; echo "jobs $?"
f() { return 4; } ; f & wait $!; echo "fn $?"
coproc cat; echo hi >&${COPROC[1]}; exec {COPROC[1]}>&-; read -r l <&${COPROC[0]}; echo "co $l"; wait
echo $(( $(jobs -p | wc -l) ))
