[ -a -a ]; echo a=$?
[ -t x ] 2>/dev/null; echo t=$?
[ -n ]; echo n=$?
[ -z ]; echo z=$?
[ ! ]; echo not=$?
[ ! -z ]; echo notz=$?
[ "(" ")" ]; echo paren=$?
[ = = = ]; echo eqeq=$?
[ ! = ! ]; echo bang=$?
[ -a = -a ]; echo aeqa=$?
[ x -a "" ]; echo xa=$?
[ "" -o x ]; echo ox=$?
[ ! "" -a x ]; echo notax=$?
[ \( x \) ]; echo px=$?
[ \( ! x \) ]; echo pnx=$?
test -n foo -a -z ""; echo combo=$?
test 1 -eq 1 -o 1 -eq 2; echo oreq=$?
[ 1 -eq ]; echo bad=$? 2>/dev/null
[ -e ]; echo e=$?
[ -f / -o -d / ]; echo fd=$?
test; echo empty=$?
[ abc \< abd ]; echo lt=$?
[ 5 -gt 3 ]; echo gt=$?
[ " 5" -eq 5 ] 2>/dev/null; echo sp=$?
[ 0x1 -eq 1 ] 2>/dev/null; echo hex=$?
[ -t 0 ]; echo t0=$?
