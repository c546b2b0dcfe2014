name=target
target=value
echo "${!name}"
arr=(a b c)
ref='arr[1]'
echo "${!ref}"
prefix_one=1 prefix_two=2
echo "${!prefix_@}"
for v in "${!prefix_@}"; do echo "$v=${!v}"; done
