s="a b  c"
arr=($s)
echo "${#arr[@]}"
IFS=: read -ra p <<< "x:y::z"
echo "${#p[@]} [${p[2]}]"
q=(${s// /,})
echo "${q[@]}"
x=("$s")
echo "${#x[@]}"
