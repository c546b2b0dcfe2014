# expr and awk arithmetic in shell loops, seq and sed together
i=0; total=0
while [ "$i" -lt 5 ]; do
  total=$(expr "$total" + "$i" \* 2)
  i=$(expr $i + 1)
done
echo "total=$total"
expr length "sandkernel"
expr substr "sandkernel" 5 6
expr "file.tar.gz" : '.*\.\(.*\)'
expr 7 \> 3 \& 2 \< 1; echo "status $?"
seq 1 10 | awk '{ s += $1; sq += $1 * $1 } END { printf "sum=%d mean=%.2f sd=%.3f\n", s, s/NR, sqrt(sq/NR - (s/NR)^2) }'
seq 1 20 | sed -n '0~5p' | tr '\n' ' '; echo
seq 3 | awk '{ printf "%s%s", sep, $0; sep = "," } END { print "" }'
printf '3 apples\n10 pears\n2 figs\n' | sort -n | awk '{ print NR": "$2 }'
