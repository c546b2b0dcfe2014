cat > app.conf <<'X'
# comment
name = demo
port=8080
  debug = true

empty =
X
declare -A conf
while IFS='=' read -r key value; do
  key=${key//[[:space:]]/}
  [[ -z $key || $key == \#* ]] && continue
  value=${value#"${value%%[![:space:]]*}"}
  conf[$key]=$value
done < app.conf
for k in name port debug empty; do echo "$k=[${conf[$k]}]"; done
