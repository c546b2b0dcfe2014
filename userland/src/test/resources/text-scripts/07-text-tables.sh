# reshaping text tables
printf 'id,name,dept\n1,ann,eng\n2,bob,ops\n3,cid,eng\n' > staff.csv
awk -F, 'NR > 1 { count[$3]++ } END { for (d in count) print d, count[d] }' staff.csv | sort
awk -F, -v OFS='\t' 'NR > 1 { print $2, toupper($3) }' staff.csv
sed '1d; s/,/ | /g' staff.csv
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i; next } { for (i = 1; i <= NF; i++) printf "%s=%s%s", h[i], $i, (i < NF ? " " : "\n") }' staff.csv
awk 'BEGIN { FS = "," } { gsub(/e/, "E", $2); print $2 }' staff.csv
sed -E 's/^([0-9]+),([a-z]+),.*/\2:\1/' staff.csv | tail -n +2
awk -F, '$3 == "eng"' staff.csv | cut -d, -f2
printf 'k1 v1\nk2 v2\n' | awk '{ a[$1] = $2 } END { print a["k2"], ("k3" in a) }'
