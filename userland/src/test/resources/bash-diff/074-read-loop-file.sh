cat > data.csv <<'X'
name,age,city
alice,30,paris
bob,25,rome
X
{
  read -r header
  while IFS=, read -r name age city; do
    printf '%-6s %3d %s\n' "$name" "$age" "$city"
  done
} < data.csv
total=0
while IFS=, read -r _ age _; do [[ $age =~ ^[0-9]+$ ]] && (( total += age )); done < data.csv
echo "total $total"
