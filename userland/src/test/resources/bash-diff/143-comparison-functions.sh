version_gt() { local IFS=.; local -a a=($1) b=($2); (( a[0] > b[0] || (a[0] == b[0] && a[1] > b[1]) )); }
version_gt 1.10 1.9 && echo "1.10 > 1.9"
version_gt 1.2 1.10 || echo "1.2 <= 1.10"
is_int() { [[ $1 =~ ^-?[0-9]+$ ]]; }
for v in 12 -3 4.5 x; do is_int "$v" && echo "$v int" || echo "$v not"; done
