arr=("a b" "c'd" "")
echo "${arr[@]@Q}"
printf '%q ' "${arr[@]}"; echo
declare -A m=(["k 1"]=v1 [k2]="v 2")
declare -p m
s='x$y`z"w'
printf '%q\n' "$s"
echo "${s@Q}"
