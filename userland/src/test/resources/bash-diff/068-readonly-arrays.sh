readonly -a ra=(1 2 3)
echo "${ra[@]}"
ra[0]=9 2>/dev/null
echo "after ${ra[0]}"
readonly x=1
readonly -p | grep -c 'x='
export -n nonexist 2>/dev/null; echo $?
