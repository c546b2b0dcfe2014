v=1
echo ${v:+set} ${undefined:+set}x
echo "${v:-}" "${undefined:-}" "${#undefined}"
set -u
echo ${v} ${undefined:-default}
(echo $undefined) 2>/dev/null || echo "unset error $?"
echo "${undefined-ok}"
echo $#
echo "$@"
set +u
