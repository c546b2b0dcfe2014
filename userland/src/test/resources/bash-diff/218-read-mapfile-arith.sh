read -r -a arr <<< "a b  c"; echo "${#arr[@]} ${arr[2]}"
IFS=, read -r x y <<< "1,2,3"; echo "$x|$y"
read -d ';' v <<< "abc;def"; echo "$v"
read -n 2 w <<< "xyz"; echo "$w"
read -N 3 z <<< $'a\nbc'; printf '%q\n' "$z"
read -t 0.1 t < <(sleep 1); echo "timeout $?"
read -t 0 < /dev/null; echo "t0 $?"
read -p "prompt: " pv <<< "pval" 2>/dev/null; echo "$pv"
read -r line <<< 'back\slash'; echo "$line"; read line <<< 'back\slash'; echo "$line"
read -a empty <<< ""; echo "${#empty[@]}"
read; echo "reply [$REPLY]" <<< " spaced "
read <<< "  spaced  "; echo "[$REPLY]"
mapfile -t m <<< $'x\ny\nz'; echo "${#m[@]} ${m[*]}"
mapfile -s 1 -n 1 m2 <<< $'x\ny\nz'; printf '[%s]' "${m2[@]}"; echo
mapfile -d , -t m3 <<< "a,b,c"; printf '[%s]' "${m3[@]}"; echo
printf -v pv '%05d' 42; echo "$pv"
printf -v 'arr[1]' '%s' elem; echo "${arr[1]}"
printf '%s\n' "${arr[@]}" | mapfile -t inpipe; echo "inpipe ${#inpipe[@]}"
shopt -s lastpipe; printf 'q\n' | mapfile -t lp; echo "lp ${#lp[@]}"; shopt -u lastpipe
let a=5+3 b=a*2; echo $a $b; let "c = b / 3"; echo $c; let 0; echo "let0 $?"
for ((i=0, j=10; i<3; i++, j-=2)); do echo -n "$i:$j "; done; echo
(( x = 2 ** 10, y = x % 7 )); echo $x $y; (( 0 )); echo "z $?"
echo $(( 0x1f + 010 + 2#101 + 36#z ))
n=7; (( n++ )); (( ++n )); echo $n $(( n-- )) $n
cat <<< "here string $n"
