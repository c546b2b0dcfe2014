printf '%s=%s\n' a 1 b 2 c
printf '[%d]' 1 2 3; echo
printf '%s %s %s\n' x y
printf '%%d of %d\n' 5
printf -- '-%s-\n' dash
