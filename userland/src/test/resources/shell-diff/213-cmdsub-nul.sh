x=$(printf 'a\0b')
echo "$x" | od -An -c
y=$(printf 'one\0\0two\n\n')
echo "[$y]"
printf 'p\0q' | od -An -c
