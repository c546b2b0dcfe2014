for n in 1 22 333; do printf '%05d|%-5s|%5s\n' $n $n $n; done
pad() { local s=$1 w=$2; while (( ${#s} < w )); do s="0$s"; done; echo $s; }
pad 7 3
printf -v line '%*s' 5; echo "[${line// /-}]"
s=abc; echo "${s}$(printf '%*s' $((6 - ${#s})))|"
