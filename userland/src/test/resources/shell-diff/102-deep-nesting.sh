for a in 1 2; do for b in x y; do case $a$b in 1x|2y) echo "$a$b";; esac; done; done
