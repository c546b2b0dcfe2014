declare -A h
for k in alpha beta gamma delta epsilon zeta eta theta iota kappa; do h[$k]=${#k}; done
echo "${!h[@]}"
echo "${h[@]}"
declare -A nums
for i in 1 2 3 10 20 30 100; do nums[$i]=x$i; done
echo "${!nums[@]}"
