{ echo a; echo b; } | tac 2>/dev/null || { echo a; echo b; } | sort -r
( cd /; pwd )
pwd | sed "s|$HOME|~|"
result=$( { echo one; echo two >&2; } 2>&1 )
echo "$result"
x=$( ( echo nested ) )
echo $x
