printf '  a  b  \n' | { read x; echo "[$x]"; }
printf '  a  b  \n' | { read -r x y; echo "[$x][$y]"; }
printf 'a\tb\n' | { read x y; echo "[$x][$y]"; }
printf 'one\n' | { read x y; echo "[$x][$y]"; }
printf 'a b c\n' | { read -a arr; echo "${#arr[@]}"; }
