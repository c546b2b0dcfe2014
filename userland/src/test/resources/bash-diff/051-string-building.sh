s=""
for i in {1..10}; do s+="$i,"; done
echo "${s%,}"
parts=()
for w in alpha beta gamma; do parts+=("${w^}"); done
joined=$(IFS=-; echo "${parts[*]}")
echo "$joined"
line=$(printf '%*s' 10 '' | tr ' ' '=')
echo "$line"
str="The quick brown fox"
echo "${#str} ${str,,} ${str// /_}"
