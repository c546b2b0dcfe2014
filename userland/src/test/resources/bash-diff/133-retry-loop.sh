attempt=0
try() { (( ++attempt < 3 )) && return 1; return 0; }
until try; do echo "attempt $attempt failed"; done
echo "succeeded after $attempt"
n=0; while ! (( n >= 2 )); do ((n++)); done; echo $n
