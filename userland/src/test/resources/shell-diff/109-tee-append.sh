echo one | tee t.txt > /dev/null
echo two | tee -a t.txt > /dev/null
cat t.txt
