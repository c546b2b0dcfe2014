printf 'l1\nl2\nl3\n' > in
exec 0<in
exec 4<&0
read first <&4
echo "first=$first"
sh -c 'read second <&4; echo "second=$second"'
read third
echo "third=$third"
exec 4<&-
