parse_kv() {
  local line key value
  declare -gA KV=()
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[[:space:]]*# ]] && continue
    [[ $line =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=[[:space:]]*(.*)$ ]] || continue
    key=${BASH_REMATCH[1]}
    value=${BASH_REMATCH[2]}
    value=${value%\"}; value=${value#\"}
    KV[$key]=$value
  done
}
parse_kv <<'EOF'
# settings
name = "my app"
port=80
  debug= false
EOF
for k in name port debug; do echo "$k -> ${KV[$k]}"; done
echo "${#KV[@]}"
