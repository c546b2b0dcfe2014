printf '%d\n' +0x10 010 -010 0x1F ' 12' +5
printf '%d %d\n' "'A" '"B'
printf '%u\n' -1
printf '%d\n' 99999999999999999999 2>/dev/null; echo st=$?
printf '%x %o %X\n' 255 8 255
printf '%5d|%-5d|%05d\n' 42 42 42
printf -- '%s\n' dashdash
printf '%-f|\n' 3.5
printf '%#g %g %G\n' 2.5 0.0001 1e20
printf '%e\n' 12345.678
printf '%.3s|%10.2f|\n' abcdef 3.14159
printf '\377' | od -An -c
printf '\101\102\n'
printf '%b\n' 'a\tb' '\0101'
printf '%c%c\n' hello world
printf '%s %s\n' a b c
printf '%i\n' 7
printf 'no newline'; echo
printf '%5s|%-5s|\n' ab cd
printf '%d\n' abc 2>/dev/null; echo st=$?
printf '%.0f %.1f\n' 2.5 0.05
printf '%+d % d\n' 5 5
printf '%#x %#o\n' 255 8
