x=1 <nosuch_file
echo "assignment status $?"
<nosuch_file
echo "bare status $?"
f() { :; }
f <nosuch_file
echo "function status $?"
{ :; } <nosuch_file
echo "group status $?"
: <nosuch_file
echo never
