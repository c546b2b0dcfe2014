echo before
x=12
echo a >&$x
echo after
