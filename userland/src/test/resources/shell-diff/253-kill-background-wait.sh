sleep 1 &
pid=$!
kill -TERM $pid
wait $pid
echo "killed: $?"
sleep 1 &
kill -KILL $!
wait $!
echo "killed9: $?"
kill -l $((128+15))
