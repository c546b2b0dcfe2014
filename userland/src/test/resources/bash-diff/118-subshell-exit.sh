(exit 5); echo $?
( false ) || echo "subshell failed"
x=$( echo out; exit 3 ); echo "$x $?"
( set -e; false; echo no ); echo "after $?"
{ (exit 2); } ; echo $?
(trap 'echo sub trap' EXIT; echo in sub)
