# a coprocess only ends once its input is closed: bash closes its descriptors when it reaps it
coproc { echo hello; read x; echo "got $x"; read _ || exit 4; }
echo "${#COPROC[@]} pid-set:${COPROC_PID:+yes} bang:$([ "$!" = "$COPROC_PID" ] && echo same)"
read -r l <&"${COPROC[0]}"; echo "$l"
echo world >&"${COPROC[1]}"
read -r l <&"${COPROC[0]}"; echo "$l"
exec {COPROC[1]}>&-
wait $COPROC_PID; echo "after: ${COPROC[@]:-unset} ${COPROC_PID:-nopid}"
coproc NAMED { while read -r l; do echo "[$l]"; done; }
echo "${NAMED[0]} ${NAMED[1]}"
echo abc >&${NAMED[1]}
read -r r <&${NAMED[0]}; echo "$r"
exec {NAMED[1]}>&-
wait
coproc { while read -r l; do echo "$l" | tr a-z A-Z; done; }
echo xyz >&${COPROC[1]}
read r <&${COPROC[0]}; echo $r
exec {COPROC[1]}>&-
wait
coproc bc_like { while read -r a b; do echo $((a + b)); done; }
for pair in "1 2" "3 4"; do echo "$pair" >&"${bc_like[1]}"; read -r sum <&"${bc_like[0]}"; echo "sum=$sum"; done
f() { coproc sleep 0; }
declare -f f
