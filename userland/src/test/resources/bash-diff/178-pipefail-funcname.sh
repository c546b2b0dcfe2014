set -o pipefail
false | true; echo "pf $?"
true | (exit 3) | true; echo "pf2 $?"
set +o pipefail
true | (exit 3) | true; echo "nopf $? ${PIPESTATUS[*]}"
f() { echo "in ${FUNCNAME[0]} from ${FUNCNAME[1]:-main}"; g; }
g() { echo "g: ${FUNCNAME[*]}"; caller 0 | cut -d' ' -f2; }
f
trap 'echo "ERR at $LINENO: $BASH_COMMAND"' ERR
false
echo $BASH_VERSION | cut -d. -f1
[[ $BASHPID == $$ ]] && echo same-pid; (: ; [[ $BASHPID != $$ ]] && echo sub-pid-differs)
echo "${BASH_SOURCE[0]:-none}" | wc -l
