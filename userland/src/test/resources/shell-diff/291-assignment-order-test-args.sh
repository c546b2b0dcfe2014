A=1 B=$A sh -c 'echo "$A $B"'
A=x; A=y B=$A env | grep '^B='
unset A B
f() { echo "f $V"; }; V=1 f; echo "after ${V-unset}"
V=2 :; echo "colon ${V-unset}"
V=3 export W=$V; echo "$W ${V-unset}"
i=0; echo $((i+=1)) > file$i; ls file*
n=5; echo "$n" $((n=n+1)) "$n"
set -- a b; echo "$@" ${1+"$1"}
x=1 y=$((x+1)) z=$y; echo $x $y $z
VAR=exported exec sh -c 'echo $VAR'
[ -a -a ] ; echo $?
[ -t x ] ; echo $?
[ ! ] ; echo $?
[ ! ! ] 2>/dev/null; echo $?
[ -n ] ; echo $?
[ -z ] ; echo $?
[ = = = ] ; echo $?
[ ! = ! ] ; echo $?
[ a = a -a b = c ] ; echo $?
[ \( a = a \) ] ; echo $?
[ -e ] ; echo $?
[ x -o ] 2>/dev/null; echo $?
test 1 -eq 1 -o 2 -eq 3; echo $?
test "" ; echo $?
test -t 0; echo $?
[ 1 -lt 2 -a 3 -gt 2 ]; echo $?
[ abc \< abd ]; echo $?
[ 01 -eq 1 ]; echo $?
[ ' 1' -eq 1 ] 2>/dev/null; echo $?
[ 1x -eq 1 ] 2>/dev/null; echo $?
[ -f ] ; echo $?
[ ! -f /nonexist ]; echo $?
[ "(" ] ; echo $?
[ ")" ] ; echo $?
[ -a ] ; echo $?
[ -o ] ; echo $?
[ a -a ] 2>/dev/null; echo $?
