printf 'a,1\nb,2\nb,3\nc,4\n' | cut -d, -f1 | uniq
printf 'x y z\n' | cut -d' ' -f2
