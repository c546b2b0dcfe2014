type -t cd
builtin echo via-builtin
command echo via-command
caller 2>/dev/null; echo "caller st=$?"
hash -r; echo "hash $?"
times >/dev/null && echo times
umask 022; umask -p
