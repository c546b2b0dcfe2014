x=$(printf 'a\n\n\n')
echo "[$x]"
y=`printf 'b\n'`
echo "[$y]"
z=$(printf '\n')
echo "[$z]"
w=$(echo a; echo b)
echo "$w"
n=$(exit 7); echo $?
m=$(echo $(echo nested))
echo $m
q=$(echo "quoted  spaces")
echo "$q"
echo $(echo '$HOME')
echo "$(echo "inner \"q\"")"
echo `echo \`echo bq\``
echo $(( $(echo 2) + 3 ))
