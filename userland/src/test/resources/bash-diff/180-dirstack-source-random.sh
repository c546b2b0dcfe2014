pushd /tmp >/dev/null; pushd / >/dev/null; dirs | wc -w; popd >/dev/null; pwd; popd >/dev/null
cd /tmp && mkdir -p d1/d2 && cd d1 && pushd d2 >/dev/null && dirs -v | sed 's,/.*/d1,D1,' ; popd > /dev/null
source /dev/stdin <<'EOF'
sourced_var=42
EOF
echo $sourced_var
tmp=$(mktemp); echo 'echo "args: $# $1"; return 3' > $tmp; source $tmp a b; echo "st $?"; . $tmp; echo "st $?"; rm -f $tmp
echo "$SECONDS" | grep -cE '^[0-9]+$'
r1=$RANDOM; [[ $r1 -ge 0 && $r1 -le 32767 ]] && echo random-ok
RANDOM=42; a=$RANDOM; RANDOM=42; b=$RANDOM; [[ $a == $b ]] && echo seeded
