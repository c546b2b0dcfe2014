f() { for i in 1 2 3; do if [ $i = 2 ]; then return 7; fi; echo $i; done; }
f; echo rc=$?
for j in a b; do f >/dev/null; echo $j; done
