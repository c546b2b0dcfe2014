f() { echo hi; }
declare -F f
declare -F | grep -c f
g() {
  local x=1
  if [[ $x == 1 ]]; then
    echo one
  fi
}
declare -f g >/dev/null && echo "has g"
declare -F nosuch; echo "st=$?"
