cat <<< "hello here"
read a b <<< "one two"
echo "$b $a"
x=value
tr a-z A-Z <<< "$x"
wc -l <<< $'a\nb\nc'
while read -r line; do echo "[$line]"; done <<< "l1
l2"
cat <<<$x
