set -u
a=(1 2)
echo "${a[@]}"
echo "${#a[@]}"
echo "${b:-default}"
declare -A m=([k]=v)
echo "${m[k]}"
(echo "${m[missing]}") 2>/dev/null || echo "missing key error"
echo "${undefined_var-}ok"
