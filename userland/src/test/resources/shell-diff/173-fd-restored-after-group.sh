exec 3>f3
{ echo inner >&3; } 3>g
echo outer >&3
exec 3>&-
cat f3 g
{ exec 4>h; }
echo via4 >&4
exec 4>&-
cat h
f() { exec 6>k; }
f 6>/dev/null
echo "six" >&6
echo "status $?"
