for i in 1 2 3; do
  while break; do echo never; done
  echo "i=$i"
done
n=0
while [ $n -lt 3 ]; do n=$((n+1)); if [ $n = 2 ]; then continue; fi; echo n=$n; done
for i in a b c; do ( [ $i = b ] && exit 0; echo sub-$i ); done
for i in 1 2 3; do
  while continue 2; do echo never; done
  echo not-here
done
echo done-loops
for i in 1 2; do echo $i | while read x; do break; done; echo after-$i; done
x=0
until [ $x -ge 2 ] || break; do x=$((x+1)); done; echo x=$x
for o in 1 2 3; do for i in a b; do [ $i = b ] && break 2; echo $o$i; done; done
while true; do (break); echo after-sub-break; break; done
