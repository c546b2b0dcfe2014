sleep 0.2 & p1=$!
sleep 0.1 & p2=$!
wait $p2; echo "p2 done $?"
wait $p1; echo "p1 done $?"
(exit 7) & wait $!; echo "status $?"
for i in 1 2 3; do (echo "job $i" > out$i) & done; wait
cat out1 out2 out3
jobs | wc -l
