alias ls=echo
ls hello
alias a1='echo one;' a2='echo two'
a1 a2
alias lt='echo ' args='a b c'
lt args
unalias lt
lt x 2>/dev/null || echo unaliased
alias x='echo x' y='x'
y
alias foo='for i in 1 2; do echo $i; done'
foo
alias nested='echo "a  b"'
nested
alias -- -z=echo 2>/dev/null; echo st=$?
alias 'b c=echo' 2>/dev/null; echo st=$?
alias dq="echo \"\$HOME\"" 
alias dq
