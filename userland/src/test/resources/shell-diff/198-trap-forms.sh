trap 'echo usr1' USR1
trap
trap -- 'echo term' TERM
trap
trap TERM
trap
trap - USR1
trap
trap 'echo e' EXIT
trap '' INT
trap
trap KILL 2>/dev/null; echo kill-status=$?
trap 'echo x' KILL 2>/dev/null; echo kill2=$?
trap 'echo x' STOP 2>/dev/null; echo stop=$?
trap - EXIT
trap 'echo h' HUP QUIT
trap
trap 0
trap 'echo bad' NOSUCHSIG 2>/dev/null; echo bad=$?
trap -- - HUP
trap
