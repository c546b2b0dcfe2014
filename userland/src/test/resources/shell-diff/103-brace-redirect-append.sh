{ echo 1; echo 2; } > r.txt
{ echo 3; } >> r.txt
cat r.txt | wc -l
