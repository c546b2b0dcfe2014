p=$PPID
q=$(echo $PPID)
[ "$p" = "$q" ] && echo same-ppid
r=$( (echo $PPID) )
[ "$p" = "$r" ] && echo nested-same
s=$(echo $$)
[ "$s" = "$$" ] && echo same-pid
