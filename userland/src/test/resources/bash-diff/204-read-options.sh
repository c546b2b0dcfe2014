printf '%s\n' "abc" | { read -n 2 x; echo "[$x]"; }
printf 'abc' | { read -N 2 x; echo "[$x]"; }
printf 'a:b;c\n' | { read -d ';' x; echo "[$x]"; }
printf 'secret\n' | { read -s x; echo "[$x]"; }
printf 'p\n' | { read -p "prompt> " x 2>/dev/null; echo "[$x]"; }
read -t 0.1 x < <(sleep 1; echo late); echo "timeout st $?"
printf 'x y z\n' | { read; echo "[$REPLY]"; }
printf '  lead  \n' | { read; echo "[$REPLY]"; }
printf '  lead  \n' | { IFS= read -r line; echo "[$line]"; }
printf 'a\\\nb\n' | { read x; echo "[$x]"; }
printf 'one\ntwo' | { while read -r l || [[ -n $l ]]; do echo "<$l>"; done; }
printf '1 2 3 4\n' | { read -a arr; echo "${#arr[@]} ${arr[3]}"; }
read -r x <<< "  spaced  "; echo "[$x]"
