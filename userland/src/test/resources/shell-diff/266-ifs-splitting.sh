IFS=' :'
v='a : b:  c::d '
set -- $v; echo $#; for a; do printf '[%s]' "$a"; done; echo
IFS=:
set -- $v; echo $#; for a; do printf '[%s]' "$a"; done; echo
IFS=
set -- $v; echo $#
unset IFS
v='  x   y  '
set -- $v; echo $#
IFS=' '
set -- "" "" ; echo $#
set -- $EMPTY "" $EMPTY; echo $#
e=''; set -- $e$e; echo $#
set -- ${e}"" ; echo $#
