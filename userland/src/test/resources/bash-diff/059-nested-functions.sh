outer() {
  inner() { echo "inner called"; }
  inner
}
outer
inner
counter=0
incr() { counter=$((counter + 1)); }
for i in {1..5}; do incr; done
echo $counter
max() { local m=$1; shift; for n; do (( n > m )) && m=$n; done; echo $m; }
max 3 9 2 7
