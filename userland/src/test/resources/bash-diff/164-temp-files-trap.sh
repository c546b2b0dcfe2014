tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT
for name in alpha beta gamma; do
  printf '%s\n' "$name" > "$tmpdir/$name.txt"
done
count=0
for f in "$tmpdir"/*.txt; do
  [[ -f $f ]] || continue
  base=$(basename "$f" .txt)
  content=$(<"$f")
  [[ $base == "$content" ]] && (( ++count ))
done
echo "matched $count"
shopt -s nullglob
files=("$tmpdir"/*.md)
echo "md files: ${#files[@]}"
