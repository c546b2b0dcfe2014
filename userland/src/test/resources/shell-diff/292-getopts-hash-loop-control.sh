set -- -a -b arg -c; while getopts ab:c o; do echo "$o ${OPTARG-unset} $OPTIND"; done
set -- -x; OPTIND=1; while getopts :ab: o; do echo "$o ${OPTARG-unset}"; done
set -- -b; OPTIND=1; while getopts :ab: o; do echo "$o ${OPTARG-unset}"; done
set -- -b; OPTIND=1; while getopts ab: o 2>/dev/null; do echo "$o ${OPTARG-unset}"; done
set -- -ab val rest; OPTIND=1; while getopts ab: o; do echo "$o ${OPTARG-unset}"; done; shift $((OPTIND-1)); echo "rest $*"
set -- -- -a; OPTIND=1; getopts a o; echo "st $? $o $OPTIND"
OPTIND=1; getopts a o -a -q 2>/dev/null; echo "$o"; getopts a o -a -q 2>/dev/null; echo "$o ${OPTARG-u}"
hash -r; hash cat; hash | grep -c cat; hash nosuch_q 2>/dev/null; echo "h $?"
command -v cd; command -v ls >/dev/null; echo $?; command -V echo
command nosuch_q 2>/dev/null; echo "cmd $?"
printf 'echo x' > nx; chmod 644 nx; ./nx 2>/dev/null; echo "nx $?"; sh -c './nx' 2>/dev/null; echo "sh-nx $?"
i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i = 3 ] && continue; echo $i; done
for i in 1 2 3; do while break; do echo no; done; echo "i$i"; done
for i in 1 2; do ( break 2>/dev/null; echo "sub$i" ); done
for i in 1 2 3; do if continue; then echo never; fi; done; echo done1
while :; do until break; do :; done; break; done; echo done2
for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; done
break 2>/dev/null; echo "top $?"
f() { break; }; for i in 1 2; do f; echo "f$i"; done
for i in 1; do break 5; done; echo "b5 $?"
for i in 1; do continue 0 2>/dev/null; echo "c0 $?"; done
