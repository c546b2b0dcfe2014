function greet {
  echo "hello $1"
}
greet world
function other() { echo "other"; }
other
function recurse {
  local n=$1
  (( n > 0 )) || return 0
  echo $n
  recurse $((n - 1))
}
recurse 3
type -t greet
