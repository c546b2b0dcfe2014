{ echo one; echo two; } > grouped.txt
wc -l < grouped.txt
{ echo a; echo b; } | while read l; do echo "<$l>"; done
( echo sub1; echo sub2 ) 2>&1 | sort -r
exec 3>fd3.txt; { echo via3; } >&3; exec 3>&-; cat fd3.txt
