split() { local IFS=$2; read -ra parts <<< "$1"; printf '%s\n' "${parts[@]}"; }
mapfile -t items < <(split "a:b:c" :)
echo "${#items[@]} ${items[1]}"
join() { local IFS=$1; shift; echo "$*"; }
join , x y z
join '' a b
