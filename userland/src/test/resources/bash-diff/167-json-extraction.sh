s='{"name": "bob", "age": 42, "tags": ["a", "b"]}'
name=$(sed -E 's/.*"name": *"([^"]*)".*/\1/' <<< "$s")
age=$(grep -oE '"age": *[0-9]+' <<< "$s" | grep -oE '[0-9]+')
echo "$name is $age"
tags=$(grep -oE '"tags": *\[[^]]*\]' <<< "$s")
echo "$tags"
[[ $s =~ \"age\":\ ([0-9]+) ]] && echo "regex age ${BASH_REMATCH[1]}"
