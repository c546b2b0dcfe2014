declare -A m
m[one]=1
m[two]=2
m[three]=3
echo "${m[one]} ${m[two]} ${m[three]}"
echo "${#m[@]}"
for k in "${!m[@]}"; do echo "$k=${m[$k]}"; done
unset 'm[two]'
echo "${#m[@]}"
[[ -v m[one] ]] && echo has-one
[[ -v m[two] ]] || echo no-two
declare -A n=([a]=x [b]=y)
echo "${n[a]}${n[b]}"
n[a]+=z
echo "${n[a]}"
