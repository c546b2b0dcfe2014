[ -n "$HOME" ] && echo n
[ "a" = "a" ] && echo eq
[ "a" == "a" ] && echo eqeq
[ 5 -gt 3 ] && echo gt
[ ! -e /nonexistent ] && echo ne
test -d / && echo dir
[ -z "" -a -n x ] && echo and
[ "$undefined" = "" ] && echo emptyvar
[ a \< b ] && echo lt
[ -v HOME ] && echo v-set
[ 1 -eq ] 2>/dev/null; echo "st=$?"
[ ]; echo "empty=$?"
