echo data > f1
: > f2
[ -e f1 ] && echo exists
[ -f f1 ] && echo file
[ -s f1 ] && echo nonempty
[ -s f2 ] || echo empty
[ -d . ] && echo dir
[ -e nope ] || echo missing
