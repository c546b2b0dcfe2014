printf '%d %d %d\n' "'a" '"b' "'"
printf '%5.2s|%-5s|%.1s|\n' abc de fgh
printf '%b|\n' 'a\0101' 'x\cyz' 'tab\there'
printf '%*d|%-*d|\n' 5 3 4 7
printf '%.*f\n' 2 3.14159
printf '%i %o %x %X\n' 42 8 255 255
printf '%e %E %G %g\n' 12345.678 0.000123 1e-10 100000
printf '%s-%s\n' a b c
printf '%%|%c|%c|\n' hello ''
printf 'no newline'; echo
printf '%d\n' 3.5 2>/dev/null; echo "st $?"
printf '%d\n' abc 2>/dev/null; echo "st $?"
printf '%x\n' -1
printf '%5%|\n' 2>/dev/null; echo "st $?"
