for i in 1 2 3; do echo $i; done > loop.txt
wc -l < loop.txt
while read n; do echo "got $n"; done < loop.txt
