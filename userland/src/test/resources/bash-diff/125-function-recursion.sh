fib() {
  local n=$1
  if (( n < 2 )); then echo $n; return; fi
  local a b
  a=$(fib $((n-1)))
  b=$(fib $((n-2)))
  echo $(( a + b ))
}
fib 10
hanoi() { local n=$1 from=$2 to=$3 via=$4; (( n == 0 )) && return; hanoi $((n-1)) $from $via $to; moves=$((moves+1)); hanoi $((n-1)) $via $to $from; }
moves=0; hanoi 5 A C B; echo "moves $moves"
