x='a b'; y=' a'
set -- ${x:-"c d"}; echo $#
unset x; set -- ${x:-"c d"}; echo $#
set -- ${x:-c d}; echo $#
set -- "${x:-c d}"; echo $#
v='*'; set -- ${v}; echo $#
echo "${y#"$y"}|" "${y# }|"
p='a*'; s='abc'; echo "${s#$p}|${s#"$p"}|"
echo ${x-'$HOME'} "${x-'q'}"
echo "${x-"nested \"q\""}"
IFS=: ; set -- a b; z="$@"; echo "$z"; z=$*; echo "$z"; unset IFS
IFS=; set -- "a b" c; for w in $*; do echo "[$w]"; done; for w in $@; do echo "<$w>"; done; unset IFS
