for i in 1 2 3; do
  case $i in 2) continue;; esac
  echo $i
done
i=0
while :; do
  i=$((i+1))
  if [ $i -gt 3 ]; then break; fi
  echo w$i
done
for a in x y; do for b in 1 2; do continue 2; echo no; done; done; echo after-cont
until false; do break; done; echo until-break
for i in 1 2 3; do echo $i; done | while read n; do [ $n = 2 ] && break; echo got$n; done
f() { for i in 1 2; do return 5; done; }; f; echo "ret $?"
break 2>/dev/null; echo top-break $?
