touch f
mkdir d
echo data > s
for op in -e -f -d -h -L -p -c -b -S -u -g -k; do
  for file in f d s nosuch /dev/null; do
    if test $op $file; then printf '%s %s yes\n' "$op" "$file"; fi
  done
done
[ -s s ] && echo s-not-empty
[ -s f ] || echo f-empty
touch -t 202001010000 old
touch -t 202101010000 new
[ new -nt old ] && echo newer
[ old -ot new ] && echo older
[ new -nt nosuch ] || echo no-missing-newer
[ nosuch -ot new ] || echo no-missing-older
[ f -ef f ] && echo same
[ f -ef s ] || echo different
[ -t 5 ] || echo no-tty
