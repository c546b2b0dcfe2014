a=(one two "three four")
echo ${#a[@]} ${a[2]} ${a[-1]} ${#a[2]}
a+=(five); a[10]=ten; echo ${!a[@]}; echo "${a[@]:1:2}"
unset 'a[1]'; echo ${!a[@]} "${a[*]}"
declare -A m=([x]=1 [y]=2); m[z]=3; m+=([w]=4)
for k in "${!m[@]}"; do echo "$k=${m[$k]}"; done | sort
echo ${#m[@]}
declare -p m | head -c 0
b=("${a[@]/#/pre-}"); echo "${b[@]}"
c=(${a[@]^^}); echo "${c[@]}"
echo "${a[@]: -2}"
declare -a d; d[3]=x; echo "${#d[@]} ${d[3]}"
e=(); echo "${#e[@]} [${e[@]}]"
f=([2]=b [0]=a); echo "${f[@]}"
declare -i n=3+4; echo $n; n+=1; echo $n
s=abc; s+=def; echo $s
arr=(a b c); echo "${arr[@]:1}" "${arr[*]:0:1}"
IFS=,; echo "${arr[*]}"; unset IFS
readarray -t lines <<< $'l1\nl2'; echo "${#lines[@]} ${lines[1]}"
echo "${!m[*]}" | tr ' ' '\n' | sort | tr '\n' ' '; echo
