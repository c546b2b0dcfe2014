fill() {
  local -n out=$1
  out=(alpha beta gamma)
}
fill result
echo "${result[@]} ${#result[@]}"
setvar() { local -n ref=$1; ref="set by ref"; }
setvar target
echo "$target"
declare -n alias_of=target
echo "$alias_of"
alias_of=changed
echo "$target"
echo "${!alias_of}"
declare -A counts
bump() { local -n m=$1; m[$2]=$(( ${m[$2]:-0} + 1 )); }
bump counts a; bump counts a; bump counts b
echo "${counts[a]} ${counts[b]}"
