printf 'a\nb\n' > list
while read l <&3; do
  read other
  echo "$l $other"
done 3<list <<EOF
x
y
EOF
