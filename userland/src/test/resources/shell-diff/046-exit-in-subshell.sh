(exit 9)
echo $?
( echo inner; exit 2 ) | cat
echo $?
