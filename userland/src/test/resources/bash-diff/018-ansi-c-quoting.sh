echo $'a\tb'
echo $'line1\nline2'
echo $'quote\'s'
echo $'\x41\x42\103'
echo $'back\\slash'
echo $'\x7e'
printf '%s\n' $'bell\a' | od -An -c
x=$'\e[1m'; echo ${#x}
echo "$'not special in dq'"
