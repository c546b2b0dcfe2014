set -e
check() { [[ $1 -gt 0 ]]; }
if check 5; then echo positive; fi
check -1 || echo "not positive"
run() { echo running; false; echo "not here"; }
run || echo "run failed"
out=$(run) || echo "captured failure: $out"
echo "still alive"
