{ echo out; echo err >&2; } &> both.txt
cat both.txt
{ echo more; echo err2 >&2; } &>> both.txt
cat both.txt | wc -l
ls /nonexistent |& grep -c nonexistent
{ echo o; echo e >&2; } >& all.txt
wc -l < all.txt
