echo {a,b,c}-{1,2} {x,{y,z}} {1..3}{a,b} a{b}c {,a} {a,}
echo {5..1} {a..e..2} {-2..2} {1..10..-3} {0..0}

x=3; echo {1..$x}
echo "{1..3}" '{a,b}' \{a,b\}
arr=({1..3}); echo ${#arr[@]}
echo {{a,b},c}d pre{1,2}post
printf '%-5s|%5.1f|%+d|% d|%05.1f\n' ab 3.14159 5 5 2.5
printf '%s=%d\n' a 1 b 2 c
printf '%x %X %o %e %E %G\n' 255 255 8 1234.5 0.000123 1e20
printf "%'d\n" 1234567 2>/dev/null
printf '%10.4s|\n' abcdefgh
printf '%c' ; echo "[empty-c]"
printf '%s\n' "${undefined[@]}"
printf -v out '%s,' a b c; echo "${out%,}"
printf '%(%H)T\n' -1 | wc -c
b=(x{1,2} "{3,4}" [5]=y); echo "${#b[@]} ${b[*]}"
c=({a..c}{1..2}); echo "${c[@]}"
declare -a d=({1..3}); echo "${d[@]}"
