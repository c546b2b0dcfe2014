exec 3>&1
( echo to-three >&3 )
echo piped >&3 | cat
{ echo group >&3; } | cat
f() { echo func >&3; }
f | cat
x=$(echo in-cmdsub >&3)
echo "x=[$x]"
exec 3>&-
echo hello > rw.txt
exec 8<>rw.txt
read line <&8
echo "read: $line"
echo appended >&8
exec 8>&-
cat rw.txt
command exec 4>out4.txt
echo via-four >&4
exec 4>&-
cat out4.txt
