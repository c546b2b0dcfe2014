mkdir -p work/sub
echo content > work/file.txt
cp work/file.txt work/sub/
for f in work/*; do [[ -d $f ]] && echo "dir: ${f##*/}" || echo "file: ${f##*/}"; done
[[ -f work/sub/file.txt ]] && echo copied
mv work/file.txt work/renamed.txt
ls work | sort
rm -rf work
[[ -e work ]] || echo removed
