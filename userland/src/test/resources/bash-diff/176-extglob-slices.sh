shopt -s extglob
f="file123.tar.gz"
echo ${f%%+([0-9]).*} ${f##*([a-z])} ${f/+([0-9])/N}
case $f in @(*.zip|*.gz)) echo archive;; esac
case x in !(y)) echo not-y;; esac
v="  trim me  "; v="${v##+([[:space:]])}"; v="${v%%+([[:space:]])}"; echo "[$v]"
echo {a..e} {01..05} {a..z..5} {10..1..3} {x,y{1,2}}z
n=3; echo {1..$n}
arr=(a b c d e); echo "${arr[@]:1:2}" "${arr[@]: -2}" "${arr[*]:3}"
set -- p q r s; echo "${@:2}" "${@:2:1}" "${*: -1}"
str=abcdef; echo ${str:2} ${str: -3} ${str:1:-1} ${str::2}
