t() { if "$@"; then echo T; else echo "F $?"; fi; }
t [ ! ]
t [ ! -n ]
t [ -n = -n ]
t [ \( a \) ]
t [ a = a -o b = c ]
t [ 1 -eq 01 ]
t [ -e / -a ! -d /nonexistent ]
t [ ! a = b ]
t [ \( a = a \) -a \( b = b \) ]
t [ x -a '' ]
t [ '' -o x ]
t [ = ]
t [ -z ]
t [ a '<' b ]
t [ b '>' a ]
t [ 10 -gt 9 ]
t [ -1 -lt 0 ]
t test
t test ''
t test !
t [ 1 -eq x ] 2>/dev/null
t [ a = ] 2>/dev/null
