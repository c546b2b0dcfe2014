sleep 0.2 &
echo started
wait
echo waited $?
(exit 4) &
wait $!
echo status $?
