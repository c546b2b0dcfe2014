[ abc = abc ] && echo eq
[ abc != abd ] && echo ne
[ -z '' ] && echo empty
[ -n x ] && echo nonempty
test x && echo one-arg
[ ! x = y ] && echo negated
