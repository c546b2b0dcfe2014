diff <(printf 'a\nb\n') <(printf 'a\nc\n') && echo same || echo differ
cat <(echo from-procsub)
while read -r l; do echo "got $l"; done < <(printf '1\n2\n')
paste <(echo a) <(echo b)
echo hi > >(cat)
sleep 0.2
wc -l < <(seq 5)
