s=
for c in a b c d; do s="$s$c,"; done
echo "${s%,}"
out=$(for i in 1 2 3; do printf '%s-' "$i"; done)
echo "${out%-}"
