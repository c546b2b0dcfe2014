f() { echo in-f; }
f >/nonexistent/a/b 2>/dev/null
echo "f status $?"
{ echo grp; } >/nonexistent/a/b 2>/dev/null
echo "group status $?"
echo x >/nonexistent/a/b 2>/dev/null
echo "echo status $?"
cat </nonexistent 2>/dev/null
echo "cat status $?"
( echo sub ) >/nonexistent/a 2>/dev/null
echo "sub status $?"
for i in 1; do echo loop; done >/nonexistent/a 2>/dev/null
echo "loop status $?"
set >/nonexistent/a 2>/dev/null
echo not reached
