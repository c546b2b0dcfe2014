cat <&-
echo "cat status $?"
read x <&-
echo "read status $?"
echo hi >&-
echo "echo status $?"
sh -c 'echo child' >&-
echo "child status $?"
