tmpd=$(mktemp -d)
cd "$tmpd"
touch "a file.txt" b.log c.txt
shopt -s nullglob
files=(*.txt)
echo "${#files[@]} txt files"
for f in "${files[@]}"; do echo "- $f"; done
for f in *.md; do echo "never $f"; done
mkdir -p sub/deeper && touch sub/deeper/x.txt
shopt -s globstar
all=(**/*.txt); echo "${#all[@]}: ${all[*]}"
find . -name '*.txt' | sort | while read -r p; do echo "found ${p#./}"; done
cd / && rm -rf "$tmpd"
[[ -d $tmpd ]] || echo "cleaned"
