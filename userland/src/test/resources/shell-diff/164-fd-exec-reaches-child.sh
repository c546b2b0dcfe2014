exec 3>f
echo hi >&3
sh -c 'echo there >&3'
exec 3>&-
cat f
