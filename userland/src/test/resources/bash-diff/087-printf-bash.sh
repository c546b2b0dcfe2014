printf '%s|' a b c; echo
printf '%-10s|%10s|\n' left right
printf '%08.3f\n' 3.14159
printf '%x %X %o %#x\n' 255 255 8 255
printf '%c%c%c\n' H e llo
printf '%5.1f%%\n' 99.56
printf '[%*d]\n' 6 42
printf '[%-*d]\n' 6 42
printf '%s\n' "${arr[@]:-none}"
printf '%b\n' 'tab\there' 'nl\\n'
printf '%d %s\n' 1 one 2 two
printf '%e\n' 123456
printf '%.2e\n' 0.000123
printf '%g\n' 0.00001234 123456789
printf "%'d\n" 1234567 2>/dev/null || true
