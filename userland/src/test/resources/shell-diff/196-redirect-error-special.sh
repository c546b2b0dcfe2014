echo start
x=1 >/nonexistent/dir/file
echo "status=$? x=${x-unset}"
y=2 </nonexistent/file
echo "status=$? y=${y-unset}"
: > /nonexistent/dir/f
echo "colon status=$?"
