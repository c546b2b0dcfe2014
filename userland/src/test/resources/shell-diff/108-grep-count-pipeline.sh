printf 'a\nb\na\n' | grep -c a
printf 'c\nb\na\n' | sort | uniq -c | tr -s ' '
