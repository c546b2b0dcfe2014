sleep 0 & p=$!; wait $p; wait $p; echo "twice $?"
(exit 3) & q=$!; sleep 1; jobs >/dev/null; wait $q; echo "after jobs $?"
wait -n 2>/dev/null; echo "no -n in dash $?"
