x=5
readonly x
export x
echo "$x"
sh -c 'echo "child $x"'
unset x 2>/dev/null
echo after
