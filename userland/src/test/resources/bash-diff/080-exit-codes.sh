f() { return 42; }
f; echo $?
(exit 200); echo $?
bash -c 'exit 256'; echo $?
bash -c 'exit -1'; echo $?
! false; echo $?
nosuchcommand 2>/dev/null; echo $?
/ 2>/dev/null; echo $?
true; false; echo $?
