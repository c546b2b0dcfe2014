echo -e 'a\tb\x41\u00e9\c ignored'; echo
echo -n no; echo -E 'lit\t'; echo -ne 'x\n'
echo -- -n; echo -en; echo "-e" x
printf '%s\n' "${PWD##*/}" >/dev/null
x=$'\e[1m'; echo ${#x}
s=$'caf\u00e9'; echo ${#s} ${s^^}
printf '%5s|%-5s|\n' é é
a="x y"; b=($a); echo ${#b[@]}
IFS=: ; c="1:2::3"; d=($c); echo ${#d[@]}; unset IFS
set -f; e=(*); echo "${e[0]}"; set +f
w="a  b"; printf '[%s]' $w "$w"; echo
printf '[%s]' ${w// /_}; echo
v=" lead"; printf '[%s]' $v; echo
IFS=' '; t="  a   b  "; printf '[%s]' $t; echo; unset IFS
IFS=','; t=",a,,b,"; printf '[%s]' $t; echo; unset IFS
