printf '%s\n' 'a\b c' | { read x; printf '%s\n' "$x"; }
printf '%s\n' 'a\b c' | { read -r x; printf '%s\n' "$x"; }
