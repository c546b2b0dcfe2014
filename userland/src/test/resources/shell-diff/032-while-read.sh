printf 'l1\nl2 two\nl3\n' | while read a b; do echo "a=$a b=$b"; done
