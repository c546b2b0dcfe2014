while false; do :; done
echo $?
for i in 1 2; do false; done
echo $?
if false; then :; fi
echo $?
