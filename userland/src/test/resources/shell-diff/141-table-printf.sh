for row in 'apple 3 1.5' 'kiwi 12 0.25' 'fig 7 10'; do
  set -- $row
  printf '%-8s|%4d|%8.2f\n' "$1" "$2" "$3"
done
