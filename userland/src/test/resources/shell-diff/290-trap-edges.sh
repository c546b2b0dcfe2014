trap 'echo int' INT; trap; trap -- - INT; trap
trap 'echo usr' USR1 TERM; trap -p 2>/dev/null; trap
trap USR1; trap
trap - TERM; trap
trap '' HUP; trap
trap 'echo kill' KILL 2>/dev/null; echo "kill $?"
trap 'echo stop' STOP 2>/dev/null; echo "stop $?"
trap 'echo bad' NOSUCH 2>/dev/null; echo "bad $?"
trap 'echo e' 0; trap; trap - EXIT
trap 'echo num' 10; trap; trap 10
(trap 'echo sub' EXIT; echo in-sub)
trap 'echo exiting' EXIT
kill -USR1 $$ 2>/dev/null; echo after
