printf 'l1\nl2\n' > in3.txt
exec 3<in3.txt
read a <&3
read b <&3
echo "$b $a"
while read line <&4; do echo "got $line"; done 4<in3.txt
