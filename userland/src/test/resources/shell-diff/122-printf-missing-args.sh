printf '%s %s|\n' a
printf '%d|%s|\n'
printf '%5.1f|\n' 3.14159
