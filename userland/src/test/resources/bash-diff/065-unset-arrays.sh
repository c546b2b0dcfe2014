a=(1 2 3 4)
unset 'a[0]' 'a[2]'
echo "${a[@]} | ${!a[@]}"
unset a
echo "[${a[@]}] ${#a[@]}"
declare -A m=([x]=1 [y]=2)
unset 'm[x]'
echo "${!m[@]}"
unset m
declare -p m 2>/dev/null || echo gone
f() { :; }; unset f; type -t f || echo "fn gone"
g() { :; }; unset -f g; type -t g || echo "fn g gone"
