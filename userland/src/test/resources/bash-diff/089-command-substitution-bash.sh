n=$(wc -l <<< $'a\nb\nc')
echo $n
s=$(echo "  padded  ")
echo "[$s]"
f=$(< /etc/hostname); [[ -n $f ]] && echo "read file"
arr=($(echo 1 2 3))
echo ${#arr[@]}
nested=$(echo $(echo $(echo deep)))
echo $nested
out=$(exit 5); echo $?
x=$(printf 'trailing\n\n\n'); echo "[$x]"
