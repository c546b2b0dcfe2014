nums=(5 3 9 1 7)
sorted=($(printf '%s\n' "${nums[@]}" | sort -n))
echo "${sorted[@]}"
words=(b a c a b)
uniq=($(printf '%s\n' "${words[@]}" | sort -u))
echo "${uniq[@]}"
max=${nums[0]}; for n in "${nums[@]}"; do (( n > max )) && max=$n; done; echo $max
sum=0; for n in "${nums[@]}"; do (( sum += n )); done; echo $sum
rev=(); for ((i=${#nums[@]}-1; i>=0; i--)); do rev+=("${nums[i]}"); done; echo "${rev[@]}"
