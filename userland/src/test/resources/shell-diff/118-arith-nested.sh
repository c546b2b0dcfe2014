echo $(( $(echo 3) + 1 ))
x=7
if [ $((x % 2)) -eq 1 ]; then echo odd; fi
echo $(( x > 5 && x < 10 )) $(( (x+1) / 2 ))
