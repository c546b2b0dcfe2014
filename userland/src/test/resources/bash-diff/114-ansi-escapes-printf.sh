printf '\x48\x69\n'
printf '\u0041\n'
printf 'a\x20b\n'
printf '%s\n' $'\101\102'
printf '\e[1mbold\e[0m\n' | od -An -c | head -1
