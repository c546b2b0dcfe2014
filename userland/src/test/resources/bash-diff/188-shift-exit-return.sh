set -- a b c
shift; echo "$@"
shift 2; echo "$# [$*]"
(shift) 2>&1 | sed 's/^.*line [0-9]*: //'; echo "st $?"
set -- x; (shift 3) 2>&1 | sed 's/^.*line [0-9]*: //'
(exit 256); echo $?
(exit 257); echo $?
(exit -1) 2>&1 | sed 's/^.*line [0-9]*: //'; 
f() { return 300; }; f; echo $?
(return 2>/dev/null); echo "ret st $?"
g() { local a=1 b; b=2; echo "$a$b"; }; g; echo "[${a-}${b-}]"
