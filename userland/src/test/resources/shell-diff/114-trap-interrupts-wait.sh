trap 'echo caught' USR1
(sleep 0.3; kill -USR1 $$) &
wait
echo after wait
