echo 'a\tb' | { read -r x; echo "$x"; }
printf 'a\\\n' | { read x; echo "[$x]"; }
printf 'one two three\n' | { IFS=' ' read -r a b; echo "[$a] [$b]"; }
printf ' \t x \t \n' | { read a; echo "[$a]"; }
printf 'x:y\n' | { IFS=: read a; echo "[$a]"; }
printf 'a:b:\n' | { IFS=: read x y; echo "[$x][$y]"; }
printf 'a:b::\n' | { IFS=: read x y; echo "[$x][$y]"; }
