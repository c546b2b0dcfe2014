# descriptors
exec 3>&1
f() { echo to3 >&3; }
f | cat
(echo sub3 >&3)
x=$(echo in-subst >&3); echo "x=[$x]"
exec 3>&-
echo hello > rw.txt
exec 8<>rw.txt
read -r line <&8; echo "read $line"
echo appended >&8
exec 8>&-
cat rw.txt
command exec 4>out4.txt; echo via4 >&4; exec 4>&-; cat out4.txt
set -C; echo a > cl.txt; (echo b > cl.txt) 2>/dev/null || echo "noclobber $?"; echo c >| cl.txt; cat cl.txt
echo dev > /dev/null && echo "devnull ok"; set +C
