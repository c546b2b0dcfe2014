text='the quick brown fox jumps over the lazy dog the end'
count=0
for w in $text; do [ "$w" = the ] && count=$((count+1)); done
echo "the: $count"
echo $text | tr ' ' '\n' | sort | uniq -c | sort -rn | head -n 2 | tr -s ' '
