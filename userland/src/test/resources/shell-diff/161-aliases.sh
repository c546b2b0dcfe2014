alias greet='echo hello'
greet world
alias ll='greet from-ll'
ll
alias echo='echo aliased'
echo plain
unalias echo
echo plain
alias ll
alias nosuch_alias 2>/dev/null || echo missing
x=$(greet sub) y=$(ll)
echo "$x $y"
