# redirection errors
echo x > /nonexistent/dir/f 2>/dev/null; echo "st $?"
x=1 > /nonexistent/dir/f 2>/dev/null; echo "assign-only st $? x=${x-unset}"
{ echo grp; } > /nonexistent/dir/f 2>/dev/null; echo "group st $?"
cat < /nonexistent 2>/dev/null; echo "in st $?"
f() { echo fn; }; f > /nonexistent/x 2>/dev/null; echo "fn st $?"
(: > /nonexistent/y) 2>/dev/null; echo "sub st $?"
: 2>/dev/null > /nonexistent/z; echo "colon st $?"
echo after
