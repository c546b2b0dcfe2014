echo 'a b' | { read x; echo "[$x]"; }
printf 'a  b   c\n' | { read x y; echo "[$x][$y]"; }
printf 'a:b:c\n' | { IFS=: read x y z; echo "[$x][$y][$z]"; }
printf '  lead trail  \n' | { read x; echo "[$x]"; }
printf 'back\\slash\n' | { read x; echo "[$x]"; }
printf 'back\\slash\n' | { read -r x; echo "[$x]"; }
printf 'cont\\\nnext\n' | { read x; echo "[$x]"; }
printf 'no newline' | { read x; echo "st=$? [$x]"; }
printf '' | { read x; echo "st=$? [$x]"; }
printf 'a b c d\n' | { read x y; echo "[$x][$y]"; }
printf 'one\ntwo\n' | { read a; read b; echo "$a $b"; }
printf 'x\n' | { read; echo "[$REPLY]"; }
printf 'a,b,,c\n' | { IFS=, read p q r s; echo "[$p][$q][$r][$s]"; }
