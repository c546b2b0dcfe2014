exec 3>&1; (echo sub >&3); echo pipe >&3 | cat; { echo grp >&3; }; exec 3>&-
echo x >&3 2>/dev/null; echo "closed $?"
echo data > f; exec 8<>f; read -r l <&8; echo "read $l"; echo more >&8; exec 8>&-; cat f
command exec 4>g; echo four >&4; exec 4>&-; cat g
set -C; echo a > f 2>/dev/null || echo "clobber $?"; echo b >| f; cat f; echo c > /dev/null && echo devnull; set +C
exec 5</dev/null; ls /proc/self/fd >/dev/null 2>&1; exec 5<&-
cat <&9 2>/dev/null; echo "bad9 $?"
{ echo in-group; } 3>&1 1>&2 2>&3 | cat
exec 6>out6; echo six >&6; sh -c 'echo child >&6'; exec 6>&-; cat out6
: > /nonexistent/x 2>/dev/null; echo "colon $?"
x=1 > /nonexistent/x 2>/dev/null; echo "assign $? ${x-unset}"
true 3</nonexistent 2>/dev/null; echo "true $?"
