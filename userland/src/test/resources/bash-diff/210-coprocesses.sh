coproc { echo hello; read x; echo "got $x"; }
echo "${#COPROC[@]} pid-set:${COPROC_PID:+yes} bang:$([ "$!" = "$COPROC_PID" ] && echo same)"
read -r l <&"${COPROC[0]}"; echo "$l"
echo world >&"${COPROC[1]}"
read -r l <&"${COPROC[0]}"; echo "$l"
wait $COPROC_PID; echo "st $? after: ${COPROC[@]:-unset} ${COPROC_PID:-nopid}"
coproc NAMED { cat; }
echo "${NAMED[0]} ${NAMED[1]}"
echo abc >&${NAMED[1]}
exec {NAMED[1]}>&-
cat <&${NAMED[0]}
wait
coproc tr a-z A-Z
echo xyz >&${COPROC[1]}
exec {COPROC[1]}>&-
read r <&${COPROC[0]}; echo $r
wait
coproc bc_like { while read -r a b; do echo $((a + b)); done; }
for pair in "1 2" "3 4"; do echo "$pair" >&"${bc_like[1]}"; read -r sum <&"${bc_like[0]}"; echo "sum=$sum"; done
f() { coproc sleep 0; }
declare -f f
