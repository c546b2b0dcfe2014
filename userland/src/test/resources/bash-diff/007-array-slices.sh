a=(a b c d e f)
echo "${a[@]:2}"
echo "${a[@]:1:3}"
echo "${a[@]: -2}"
echo "${a[@]:0:0}|"
set -- p q r s
echo "${@:2}"
echo "${@:2:2}"
echo "${*:3}"
echo "${@: -1}"
