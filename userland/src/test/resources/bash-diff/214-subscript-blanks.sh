i=1; a[i + 1]=5; echo "${a[@]} ${!a[@]}"
a[$((i + 2))]=6; echo "${a[@]}"
declare -A m; k="two words"; m[$k]=v; echo "${m[two words]}" "${m[$k]}"
declare -A h; h[a b]=sp; h[x y]+=z; echo "${h[a b]} ${h[x y]}"
b[1]=x; b[1]+=y; echo ${b[1]}
echo c[a b]=d
echo "q[ x ]=y"
arr[ 3 ]=three; echo "${arr[3]}"
f() { local -a l; l[0 + 1]=L; echo "${l[1]}"; }; f
