v='a*b*c'
echo "${v#'a*'}"
echo "${v#a*}"
echo "${v%'*c'}"
echo "${v%*c}"
p='*'
echo "${v#$p}"
echo "${v#"$p"}"
w='[x]yz'
echo "${w#'[x]'}"
echo "${w#[x]}"
echo "${w#\[x\]}"
set -- abc def
echo "${##1}"
echo "${#}"
set -- 1 2 3 4 5 6 7 8 9 10 11
echo "${##1}" "${#%1}"
u=/usr/local/bin
echo "${u##*/}" "${u%/*}" "${u#/}"
e='$HOME'
echo "${e#'$'}"
q='a"b'
echo "${q#a\"}"
