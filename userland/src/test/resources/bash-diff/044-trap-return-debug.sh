f() { trap 'echo returning from f' RETURN; echo in f; }
f
echo after f
g() { echo in g; }
g
trap 'echo "debug: $BASH_COMMAND"' DEBUG
x=1
echo hi
trap - DEBUG
echo no more debug
