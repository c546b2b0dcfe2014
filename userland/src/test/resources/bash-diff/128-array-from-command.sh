mapfile -t files < <(printf '%s\n' c.txt a.txt b.txt | sort)
echo "${files[@]}"
read -ra words <<< "$(echo one two three)"
echo "${words[-1]}"
IFS=$'\n' read -d '' -ra lines < <(printf 'x\ny\n')
echo "${#lines[@]}"
declare -a out=()
while IFS= read -r l; do out+=("[$l]"); done < <(printf 'a b\n c\n')
printf '%s\n' "${out[@]}"
