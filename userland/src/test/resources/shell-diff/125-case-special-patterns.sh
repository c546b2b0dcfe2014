for s in 'a)b' 'x*y' '?' '[a]'; do case $s in *\)*) echo "paren: $s";; *\**) echo "star: $s";; \?) echo "qmark: $s";; \[*) echo "bracket: $s";; esac; done
