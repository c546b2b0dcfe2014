declare -a arr=(1 2 3)
declare -p arr
declare -A map=([k]=v)
declare -p map
declare -i num=5+5
echo $num
num+=3
echo $num
declare -l lower=HeLLo
declare -u upper=HeLLo
echo $lower $upper
typeset -r ro=fixed
ro=changed 2>/dev/null
echo "$ro"
declare -x exported=1
env | grep '^exported='
