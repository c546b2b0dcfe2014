x=5
echo "${x:+"$x is set"}" "${#x}"
set -- 1 2 3 4 5 6 7 8 9 10 11
echo ${10} ${11} "${1}" $#
set --
echo "$@" end
echo "[$*]"
