alias a='echo A ' b='echo B' c=''
a b
a c x
alias e='eval '
e 'echo evald'
alias l=ls; alias l
alias -- x='echo x'; x
unalias x; x 2>/dev/null || echo "gone $?"
alias nope 2>/dev/null; echo "st $?"
unalias nope 2>/dev/null; echo "un $?"
eval 'alias q="echo Q"
q'
alias r='>/dev/null echo'; r hidden; echo shown
alias | head -2
unalias -a; alias; echo "empty $?"
