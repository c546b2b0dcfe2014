printf '%s-%s\n' a b c d
printf '%5s|%-5s|%05d|%x|%o\n' r l 42 255 8
printf '%d%%\n' 50
printf '%c%c\n' hello world
printf '%.3s\n' truncate
