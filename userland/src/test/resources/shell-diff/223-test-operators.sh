[ 1 -eq 1 -a 2 -eq 2 ]; echo $?
[ ! 1 -eq 2 ]; echo $?
[ -n "" -o -z "" ]; echo $?
[ \( 1 -eq 1 \) -a \( 2 -eq 3 \) ]; echo $?
[ a ]; echo $?
[ "" ]; echo $?
[ -z a -o -n b ]; echo $?
test ! -e /nonexistent; echo $?
test -d / -a -r /; echo $?
[ x = x ] && [ y != x ]; echo $?
[ 10 -gt 9 ]; echo $?
[ 10 \> 9 ]; echo $?
[ abc = abc -a ! abc = def ]; echo $?
[ -e / -a ! -e /nonexistent -o -z x ]; echo $?
[ 1 -eq 01 ]; echo $?
[ -1 -lt 0 ]; echo $?
[ '' = '' ]; echo $?
[ ! '' ]; echo $?
[ -f ]; echo $?
[ ( ]; echo $? 2>/dev/null
