printf '%b\n' 'a\tb' '\x41' '\0101' '\u263A' 2>/dev/null | od -An -c | tr -s ' ' | head -3
printf '%5s|%-5s|%05d|%.3s\n' ab cd 42 abcdef
printf '%s %s\n' a b c
printf '%d%%\n' 50
printf '%e\n' 1234.5
printf '[%*s]\n' -6 x
printf '%c%c\n' A BC
printf '%i\n' 0x1f 010
printf '%u\n' -1
printf '%#x %#o\n' 255 8
printf "%s\n" $'\'' 
printf -- '-%s-\n' dashed
printf '%q ' 'simple' 'with space' $'tab\t' '*'; echo
