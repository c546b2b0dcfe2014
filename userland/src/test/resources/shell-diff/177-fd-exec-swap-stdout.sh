exec 3>&1 1>out
echo hidden
exec 1>&3 3>&-
echo shown
cat out
exec 2>&1
ls nosuch_file_for_sure >/dev/null 2>&1
echo "ls status $?"
