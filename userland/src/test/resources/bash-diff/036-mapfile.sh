printf 'a\nb\nc\n' > lines
mapfile -t arr < lines
echo "${#arr[@]} ${arr[1]}"
readarray lines2 < lines
echo "[${lines2[0]}]"
mapfile -t -n 2 first < lines
echo "${first[@]}"
mapfile -t -s 1 rest < lines
echo "${rest[@]}"
printf 'x,y,z' | mapfile -d , -t parts; echo "${#parts[@]}"
mapfile -d , -t parts < <(printf 'x,y,z')
echo "${parts[2]}"
mapfile < lines
echo "${#MAPFILE[@]}"
