for i in 1 2 3; do
  while [ $i -lt 2 ] && break; do :; done
  echo "i=$i"
done
for i in a b; do (continue 2>/dev/null; echo "sub-continued? no"); echo "$i"; done
n=0; while n=$((n+1)); [ $n -le 3 ] || break; do continue; echo never; done; echo "n=$n"
for i in 1 2; do for j in 1 2; do [ $j = 2 ] && continue 2; echo "$i$j"; done; done
for i in 1 2; do for j in 1 2; do break 5; done; done; echo "broke all"
until false; do break; done; echo until-ok
