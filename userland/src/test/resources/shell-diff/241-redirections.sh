ls /nonexistent_dir_x 2>/dev/null; echo "st=$?"
echo out 1>&2 2>/dev/null
{ echo a; echo b >&2; } 2>&1 | cat
echo "x" > f1; echo "y" >> f1; cat f1
cat < f1 > f2; cat f2
exec 3> f3; echo three >&3; exec 3>&-; cat f3
echo err 2>&1 >/dev/null
: > empty; [ -s empty ] || echo empty-ok
cat <<< nothing 2>/dev/null || echo no-herestring
