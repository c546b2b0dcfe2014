kill -l | head -3 | tr -s ' \t' ' '
kill -l 9; kill -l 15; kill -l 130
kill -l TERM 2>/dev/null; echo "st $?"
kill -l | tr "\n" " "; echo
kill -l 16 32 178
trap 'echo hi' INT USR1; trap
trap - INT; trap
trap '' HUP; trap | grep HUP
(trap) | wc -l
