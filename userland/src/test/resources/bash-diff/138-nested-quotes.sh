a="He said \"hi\""
echo "$a"
b='single '"'"' quote'
echo "$b"
c="$(echo "inner \"$a\"")"
echo "$c"
d=$'multi\nline'
echo "${d@Q}"
printf '%s\n' "${a//\"/}"
