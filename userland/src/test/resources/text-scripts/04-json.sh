# JSON with jq: extraction, filtering, building
printf '%s\n' '{"items":[{"name":"a","size":3,"tags":["x"]},{"name":"b","size":10,"tags":[]},{"name":"c","size":7,"tags":["x","y"]}]}' > inv.json
jq -r '.items[] | select(.size > 5) | .name' inv.json
jq '.items | map(.size) | add' inv.json
jq -c '[.items[] | {n: .name, t: (.tags | length)}]' inv.json
jq -r '.items[] | "\(.name)=\(.size)"' inv.json | while IFS== read -r k v; do echo "$k has $v"; done
jq -n --arg v 1.2.3 '{version: $v, parts: ($v | split(".") | map(tonumber))}' > out.json
jq -c . out.json
jq -e '.missing' out.json > /dev/null; echo "exit $?"
jq -r '.items | length' inv.json
jq -r '.items[] | [.name, .size] | @tsv' inv.json | sort -t "$(printf '\t')" -k2,2n
