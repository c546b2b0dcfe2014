echo $((1+2*3)) $((7/2)) $((-7/2)) $((7%-3)) $((2<3)) $((1?2:3)) $((0x10)) $((010)) $((1<<4))
x=5; echo $((x+=2)) $x $((x++)) $x $((--x))
echo $(( (1+2) * 3 )) $((~5)) $((!3)) $((3&5)) $((3|5)) $((3^5))
y=; echo $((y+1)) 2>/dev/null
z=abc; echo $((z)) 2>/dev/null; echo "st $?"
echo $((9223372036854775807 + 1))
a=3 b=4; echo $((a*a+b*b))
echo $(( 1 , 2 )) 2>/dev/null; echo "comma $?"
i=0; while [ $((i+=1)) -le 3 ]; do printf '%s ' $i; done; echo
read a b <<EOF2
one two three
EOF2
echo "$a|$b"
printf 'x y\n' | { read -r p q; echo "$q$p"; }
IFS= read -r l <<'EOF2'
  keep  spaces  
EOF2
echo "[$l]"
read -r n1 n2 <<EOF2
only
EOF2
echo "[$n1][$n2]"
f() { echo "$#:$1:${2-}"; shift; echo "$#"; }; f "a b" c
g() { return; }; false; g; echo "g $?"
h() { (exit 4); }; h; echo "h $?"
unset -f nonfunc; echo "unset-f $?"
cat <<EOF2 | tr a-z A-Z
piped $x
EOF2
cat <<EOF2; echo after-heredoc
body
EOF2
