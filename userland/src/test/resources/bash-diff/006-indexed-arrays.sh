a=(one two three)
echo "${a[0]} ${a[1]} ${a[2]}"
echo "${a[@]}"
echo "${#a[@]}"
echo "${!a[@]}"
a[5]=six
echo "${#a[@]} ${!a[@]}"
echo "${a[-1]}"
a+=(seven eight)
echo "${a[@]}"
echo "$a"
b=()
echo "${#b[@]}"
c=("with space" second)
for e in "${c[@]}"; do echo "[$e]"; done
for e in ${c[@]}; do echo "<$e>"; done
