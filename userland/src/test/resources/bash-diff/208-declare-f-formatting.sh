f1() { a; b & c; d && e || f; ! g | h; }
f2() { if a; then b; elif c; then d; else e; fi; }
f3() { for i in 1 2; do :; done; for j; do echo; done; for ((i=0;i<3;i++)); do echo $i; done; }
f4() { while a; do b; c; done; until d; do e; done; }
f5() { case $x in a|b) echo ab;; c) ;; *) echo d; echo e;;& z) x;;esac; }
f6() { { a; b; }; ( c; d ); { e; } > out 2>&1; x=1 y=2 cmd arg >> f < g 2>&- 3<&0 4>&1; }
f7() { cat <<EOF
body $x
EOF
echo after; cat <<-'Q' | tr a b
	quoted
	Q
}
f8() { [[ -n $a && ( b == c || ! -z d ) ]]; (( i += 1 )); echo $(( 1+2 )) $(echo sub) `echo bq`; local -a arr=(1 2); arr+=(3); }
f9() ( subshell only )
f10() { function inner { echo i; }; inner() { :; }; }
f11() { echo a; } > /dev/null
f12() { time sleep 0; select s in a b; do break; done; }
f13() { a | b |& c; echo x >&2; echo y 2>/dev/null; read -r l <<< "str"; echo $'x\ty'; }
f14() { echo one; # comment
  echo two
}
f15() { if a; then
  if b; then c; fi
fi
while x; do if y; then break; fi; done
}
f16() { a &
b &
}
g1() { cat <<EOF
only
EOF
}
g2() { x <> f; y >| f; z &> f; w &>> f; v <&3; u {fd}> f; t >&"$fd"; s 2<&-; r 3>&1-; }
g3() { a && cat <<EOF
and
EOF
b; }
g4() { x=( a  b ); y=$'q\'r'; z=$"loc"; echo "$(( 1 + 2 ))"; }
g5() { [[ a && ( b || c ) ]]; [[ ! ( a && b ) ]]; [[ ( a ) ]]; }
g6() { for x in a b; do echo; done & }
g7() { { a; } & ( b ) | c; }
g8() { if [ -f x ]; then :; fi > out; while :; do break; done 2>/dev/null; }
g9() { echo a\ b "c d" 'e f' ~/x *.txt; }
declare -f
