cat > /tmp/conf.$$ <<'EOF'
# comment
name = demo
port=8080
  debug = true
empty =
EOF
declare -A conf
while IFS='=' read -r key value; do
  key="${key//[[:space:]]/}"
  [[ -z $key || $key == \#* ]] && continue
  value="${value#"${value%%[![:space:]]*}"}"
  conf[$key]="$value"
done < /tmp/conf.$$
for k in name port debug empty; do echo "$k=[${conf[$k]-unset}]"; done
rm -f /tmp/conf.$$
json='{"a": 1, "b": "two"}'
if [[ $json =~ \"b\":\ *\"([^\"]*)\" ]]; then echo "b is ${BASH_REMATCH[1]}"; fi
IFS=, read -ra fields <<< "x,y,,z"
printf '<%s>' "${fields[@]}"; echo
