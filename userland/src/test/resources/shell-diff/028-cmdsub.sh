echo "[$(printf 'a\n\n\n')]"
x=$(echo one; echo two)
echo "$x"
echo `echo back quote`
echo $(echo $(echo nested))
