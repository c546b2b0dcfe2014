printf '%d %d\n' "'A" "'a"
printf '%s\n'
printf 'x%sy\n' '' 
