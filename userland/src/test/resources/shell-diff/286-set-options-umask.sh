set -a; foo=1; unset -v foo; env | grep '^foo=' || echo none
set +a
set -o | head -3
set -- a b c; set -; echo "$# $1"
set +; echo "$-" 
set -- -x y; echo "$1"
set -f; echo /*; set +f
set -u; (echo ${undefined_q-ok}); set +u
set -e; false || echo survived; set +e
set -o noglob; echo "${-}"; set +o noglob
set -o allexport -o noclobber; echo "$-"; set +o allexport +o noclobber
set -o ignoreeof 2>/dev/null; echo "ignoreeof $?"
set -o nolog; echo "nolog $?"
set -o debug 2>/dev/null; echo "debug $?"
set -o bogus 2>/dev/null; echo "bogus $?"
set -Z 2>/dev/null; echo "Z $?"
umask 022; umask; umask -S
umask u=rwx,g=rx,o=; umask
umask a-w; umask -S
umask o+w; umask
umask g=u; umask
umask 0777; umask -S
umask u+x,g-x; umask
umask 999 2>/dev/null; echo "bad $?"
umask u=rwz 2>/dev/null; echo "bad2 $?"
umask -S 022 ; umask
(umask 077; umask); umask
