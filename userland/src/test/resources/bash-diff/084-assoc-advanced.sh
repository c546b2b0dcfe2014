declare -A conf=(
  [host]=localhost
  [port]=8080
  ["key with space"]=value
)
echo "${conf[host]}:${conf[port]}"
echo "${conf["key with space"]}"
k="key with space"; echo "${conf[$k]}"
conf[port]=9090
echo "${conf[port]}"
for key in "${!conf[@]}"; do :; done; echo "${#conf[@]}"
[[ ${conf[missing]+set} ]] || echo "missing unset"
[[ ${conf[host]+set} ]] && echo "host set"
declare -A copy
for key in "${!conf[@]}"; do copy[$key]=${conf[$key]}; done
echo "${#copy[@]} ${copy[host]}"
