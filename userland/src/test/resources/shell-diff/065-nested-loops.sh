for i in 1 2 3; do
  j=0
  while [ $j -lt $i ]; do printf '*'; j=$((j+1)); done
  echo
done
