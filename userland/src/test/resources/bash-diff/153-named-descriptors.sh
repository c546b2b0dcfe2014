exec {out}>named.txt
echo "fd is at least 10: $(( out >= 10 ))"
echo first >&$out
echo second >&$out
exec {out}>&-
cat named.txt
exec {in}<named.txt
read -r line <&$in; echo "read: $line"
read -r -u $in line2; echo "read -u: $line2"
exec {in}<&-
{ echo x >&$fd; } {fd}>other.txt
cat other.txt
