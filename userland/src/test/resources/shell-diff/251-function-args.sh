f() { echo "$1"; }
f "$(echo a b)"
g() { for a; do echo "[$a]"; done; }
g "x y" z
IFS=; set -- "a b" c; g $*; unset IFS
echo "$(printf '%s,' "$@")"
