[ -z ] && echo z-one-arg
[ -n ] && echo n-one-arg
[ = ] && echo eq-one-arg
[ '' ] || echo empty-false
[ a = a -a b = c ] || echo and-false
[ ! ] && echo bang
