seq 3 | tr 1-3 a-c > bg.txt &
wait
cat bg.txt
