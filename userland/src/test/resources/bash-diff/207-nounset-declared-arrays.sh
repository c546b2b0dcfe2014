set -u
declare -a a
echo ${#a[@]} n1
local_t() { local -a b; echo ${#b[@]} n2; }; local_t
declare -A m=()
echo ${#m[@]} n3
declare -A q; q[x]=1; unset "q[x]"; echo ${#q[@]} n4
echo ${#zz[@]} n5
echo n6
arr=(); echo ${#arr[@]} n7
declare -A k; echo ${#k[*]} n8
set +u; echo ${#a[@]} n9
