echo abc > f
exec 5<>f
read x <&5
echo "x=$x"
echo more >&5
exec 5>&-
cat f
echo new <>created
cat created
[ -f created ] && echo created-exists
