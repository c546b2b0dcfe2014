kill -l 9; kill -l 15
kill -l TERM
sleep 10 & pid=$!
kill $pid; wait $pid; echo "wait st=$?"
sleep 10 & kill -9 $!; wait $!; echo "wait9 st=$?"
(exit 3) & wait $!; echo "bg st=$?"
wait; echo "wait all $?"
kill -0 $$ && echo alive
kill -s HUP 999999 2>/dev/null; echo "nosuch st=$?"
