for i in {1..10}; do
  (( i % 2 )) && continue
  (( i > 8 )) && break
  echo $i
done
i=0
until (( i >= 3 )); do echo "u$i"; ((i++)); done
for ((x=0;x<3;x++)); do for ((y=0;y<3;y++)); do (( y==1 )) && continue 2; echo "$x$y"; done; done
while true; do while true; do break 2; done; done; echo out
opts=(a b c); for idx in "${!opts[@]}"; do echo "$((idx+1))) ${opts[idx]}"; done
