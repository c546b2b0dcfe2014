echo a >&-
echo "status $?"
echo b 1>&- 2>/dev/null
echo "status2 $?"
cat <&- 2>/dev/null
echo "cat $?"
exec 3>&1
echo via3 >&3
exec 3>&-
