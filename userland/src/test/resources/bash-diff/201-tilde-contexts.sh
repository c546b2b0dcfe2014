echo ~ | grep -c /
x=~; echo "$x" | grep -c /
PATH2=a:~/bin; echo "$PATH2" | grep -c '~'
echo a:~/b | grep -c '~'
y="~"; echo $y
echo "~" '~'
echo ~nonexistentuser
echo ${u:-~} | grep -c /
