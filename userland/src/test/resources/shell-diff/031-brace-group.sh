{ echo a; echo b; } | wc -l
{ x=5; }
echo $x
