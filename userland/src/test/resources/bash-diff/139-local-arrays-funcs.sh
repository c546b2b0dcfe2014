sum() { local -a nums=("$@"); local t=0 n; for n in "${nums[@]}"; do (( t += n )); done; echo $t; }
sum 1 2 3 4
stats() {
  local -n arr=$1
  local min=${arr[0]} max=${arr[0]} x
  for x in "${arr[@]}"; do (( x < min )) && min=$x; (( x > max )) && max=$x; done
  echo "min=$min max=$max n=${#arr[@]}"
}
data=(5 3 8 1 9)
stats data
