trap 'echo got USR1' USR1
kill -USR1 $$
echo after signal
trap 'echo got TERM; exit 9' TERM
( kill -TERM $$ ) 
sleep 1
echo not reached
