data="a:b::c"
IFS=: read -ra f <<< "$data"
echo "${#f[@]}"
old=$IFS
IFS=:
for x in $data; do echo "[$x]"; done
IFS=$old
set -- "x y" z
IFS=-; echo "$*"; unset IFS
IFS=$'\n'; lines=($(printf 'l 1\nl 2\n')); unset IFS
echo "${#lines[@]} ${lines[1]}"
