set -u
f() { echo "${1:-none}" "${@:-empty}"; }; f
arr=(); echo "${#arr[@]}" "${arr[@]:-}" 
(echo $undefined_var) 2>/dev/null || echo "unbound $?"
set +u
trap 'echo cleanup' EXIT
echo main
exit 3
