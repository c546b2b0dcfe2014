printf '%5.2s|\n' abc
printf '%-5d|%+5d|% d\n' 3 3 3
printf '%o\n' 8 
printf '%c\n' ''
printf '%s-%s\n' a
printf '%%\n'
printf 'a\tb\\n\n'
printf '%b|\n' 'x\cy' 'z'
printf '\060\x41\n'
printf '%d\n' ' 42'
printf '%d\n' '-0x1f'
printf '%x\n' 255 -1
printf '%.3d\n' 7
printf '%e\n' 0
printf '%g %g %g\n' 100000 1000000 1e-5
printf '%G\n' 1e-10
printf '%s\n'
printf '%i|%5s|%-5s|\n' 12 x y
printf 'no args %s %d\n'
printf '%.1f %.2f %.0f %.0f\n' 0.25 0.125 0.5 1.5
printf '%5%|\n'
