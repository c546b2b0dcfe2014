# process substitution names a /dev/fd path, which other programs open like a file
p=<(echo inner)
echo "path ${p%/*}"
cat <(echo one) <(echo two)
diff <(printf 'a\nb\n') <(printf 'a\nc\n'); echo "diff $?"
wc -l < <(seq 5)
printf 'from file\n' > f
exec 3<f
cat /dev/fd/3
exec 3<&-
[[ -e /dev/fd/3 ]] && echo open || echo closed
echo here | cat /dev/fd/0
cat /dev/stdin <<< "stdin path"
{ echo to-four >&4; } 4>&1
paste <(printf '1\n2\n') <(printf 'x\ny\n')
while read -r line; do echo "read $line"; done < <(printf 'p\nq\n')
echo appended >> /dev/fd/1
