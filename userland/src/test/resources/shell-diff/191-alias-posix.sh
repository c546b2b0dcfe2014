alias e='echo ' 
alias w='world'
e w
alias e2='echo'
e2 w
alias empty=''
empty echo from-empty
alias chain1='chain2 ' chain2='echo ' x=X
chain1 x
eval 'alias later="echo later-alias"
later'
eval 'alias ev=echo'
ev evaluated
alias r='echo redirected'
>/dev/null r; echo after-redirect
A=1 r
alias lsx='echo a; echo b'
lsx
unalias -a
alias | wc -l
alias q="echo 'quoted value'"
alias q
alias nonexistent 2>/dev/null; echo $?
