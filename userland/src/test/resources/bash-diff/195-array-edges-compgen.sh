arr=(alpha beta gamma)
echo ${arr[-1]} ${#arr[-1]} ${arr[@]: -1} ${arr[*]^^} "${arr[@]/#/pre-}" "${arr[@]/%a/A}"
sp=([0]=a [5]=b); echo ${#sp[@]} ${!sp[*]}; sp[-1]=B; echo ${sp[5]}
printf '%.0s-' {1..5}; echo
printf '%-10s|%5.1f|%+d|%x\n' name 3.14159 5 255
case xy in x*) echo one ;;& *y) echo two ;;& z*) echo three ;; esac
f() { declare -g GLOBAL=set-in-f; local arr=(local); echo "${arr[@]}"; }; f; echo "$GLOBAL ${arr[0]}"
g() { local IFS=:; set -- a b; echo "$*"; }; g; set -- a b; echo "$*"
compgen -W "apple apricot banana" -- ap
unset -v arr; echo "${arr[@]:-gone}"
declare -a nums=(3 1 2); IFS=$'\n' sorted=($(sort -n <<<"${nums[*]}")); unset IFS; echo "${sorted[*]}"
a=5 b=3; [[ $a -gt $b ]] && echo gt; [[ a+1 -eq 6 ]] && echo arith-in-test
(( "a" > 2 )) && echo string-var-arith
