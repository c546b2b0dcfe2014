check() {
  local s=$1
  if [[ -z $s ]]; then echo "empty"
  elif [[ $s =~ ^[0-9]+$ ]]; then echo "number"
  elif [[ $s == *" "* ]]; then echo "has space"
  else echo "word"; fi
}
check ""; check 42; check "a b"; check word
[[ "abc" < "abd" ]] && echo lexless
[[ 10 -lt 9 ]] || echo numeric-cmp
[[ "10" < "9" ]] && echo string-cmp
