set -- a b c
IFS=:
echo "$*"
IFS=-+
echo "$*"
x="$*"
echo "$x"
IFS=
echo "$*"
unset IFS
echo "$*"
IFS=' :'
echo "$*"
IFS=:
echo "${*}" "${*:-x}"
y=${*}
echo "$y"
IFS=,; set -- "x y" z; for a in "$@"; do echo "[$a]"; done; echo "[$*]" [$*]
