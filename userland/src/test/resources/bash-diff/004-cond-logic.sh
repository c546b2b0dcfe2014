x=5
[[ $x -gt 3 && $x -lt 10 ]] && echo range
[[ $x -eq 1 || $x -eq 5 ]] && echo either
[[ ! $x -eq 4 ]] && echo not
[[ ( $x -gt 3 ) && ( $x -ne 6 ) ]] && echo parens
[[ $x -gt 3 && ( $x -eq 1 || $x -eq 5 ) ]] && echo nested
[[ 2+3 -eq 5 ]] && echo arith-operands
[[ -f /etc/passwd || -d /nonexistent ]] && echo files
[[ -v x ]] && echo isset
[[ -v nope ]] || echo notset
