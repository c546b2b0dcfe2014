alias e='echo ' q=quux
e q
alias x=''
x echo empty-alias
eval "alias y='echo from-eval'
y"
alias z='echo one;'
z echo two
alias
unalias e; alias e 2>/dev/null || echo "gone $?"
unalias -a; alias | wc -l
