a=([2]=two [0]=zero [5]=five)
echo "${!a[@]} -> ${a[@]}"
a+=([10]=ten)
echo "${#a[@]} ${a[10]}"
b=("${a[@]}")
echo "${!b[@]}"
c=(x y z)
echo "${c[@]:1:1}" "${c[*]}" "${#c[*]}"
c[${#c[@]}]=w
echo "${c[@]}"
i=1; echo "${c[i]} ${c[i+1]} ${c[$i*2]}"
unset "c[-1]"; echo "${c[@]}"
declare -a d; d[3]=x; echo "${#d[@]} ${!d[@]}"
e=(); e[0]=; echo "${#e[@]}"
