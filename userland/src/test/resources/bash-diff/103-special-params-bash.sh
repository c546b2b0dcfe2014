set -- a b c
echo "$#" "$*" "$@"
echo "${#}" "${@:1:1}"
echo "$-" | grep -q h && echo hashall
[[ $$ -gt 0 ]] && echo pid
sleep 0 & [[ $! -gt 0 ]] && echo bgpid; wait
f() { echo "$0" | grep -q bash && echo zero-is-bash; }; f
echo "${BASH_SOURCE[0]-nosource}"
