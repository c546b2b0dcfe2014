declare -i n=5; n+=3; echo $n; n="2*4"; echo $n
declare -l lo=HeLLo; declare -u up=HeLLo; echo $lo $up; lo+=ABC; echo $lo
x=hello; echo ${x@U} ${x@u} ${x@L} ${x@Q}
declare -a arr=(1 "two three" 4); echo ${arr[@]@Q}
declare -p arr n lo
echo ${arr[@]@a} ${n@a} ${lo@a}
declare -r ro=1; echo ${ro@a}
f() { local -n ref=$1; ref+=(added); }; f arr; echo "${arr[@]}" ${#arr[@]}
declare -A m=([b]=2 [a]=1); m[c]=3; for k in "${!m[@]}"; do echo "$k=${m[$k]}"; done | sort
declare -p m | tr ' ' '\n' | sort | tr '\n' ' '; echo
