printf '%b\n' 'x\ty'
printf 'a\tb\n'
printf '\101\n'
