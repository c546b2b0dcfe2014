echo one > out.txt
echo two >> out.txt
cat out.txt
echo three > out.txt
cat < out.txt
