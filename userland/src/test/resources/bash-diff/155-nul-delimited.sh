printf '%s\0' "a b" c "d
e" > list.bin
while IFS= read -r -d '' item; do printf '[%s]\n' "$item"; done < list.bin
mapfile -d '' -t arr < list.bin
echo "${#arr[@]}"
printf '%s\0' x y | xargs -0 echo
