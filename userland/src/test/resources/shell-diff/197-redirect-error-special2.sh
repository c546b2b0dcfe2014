echo before
export Z=1 > /nonexistent/dir/f
echo not reached
