for ((i = 0; i < 5; i++)); do echo -n "$i "; done; echo
for ((i = 10; i > 0; i -= 3)); do echo -n "$i "; done; echo
for ((;;)); do echo once; break; done
for ((i=0, j=10; i<j; i+=2, j-=2)); do echo "$i $j"; done
sum=0; for ((k=1; k<=100; k++)); do ((sum+=k)); done; echo $sum
for ((i=0; i<3; i++)); do
  for ((j=0; j<3; j++)); do
    (( j == 1 )) && continue
    (( i == 2 )) && break 2
    echo "$i$j"
  done
done
