files=(a.txt "b c.txt" d.txt)
for f in "${files[@]}"; do echo "file: $f"; done
for i in "${!files[@]}"; do echo "$i -> ${files[$i]}"; done
declare -A ages=([alice]=30 [bob]=25)
for name in alice bob; do echo "$name is ${ages[$name]}"; done
matrix=()
for ((i=0;i<3;i++)); do matrix+=("row$i"); done
echo "${matrix[*]}"
IFS=,; echo "${matrix[*]}"; unset IFS
echo "${matrix[@]:1}"
