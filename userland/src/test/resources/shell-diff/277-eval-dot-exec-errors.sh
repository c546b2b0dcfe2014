eval 'echo ok1'; eval "echo 'unterminated" 2>/dev/null; echo "eval st $?"
(. /nonexistent/file) 2>/dev/null; echo "dot st $?"
(exec /nonexistent/cmd) 2>/dev/null; echo "exec st $?"
wait 99999 2>/dev/null; echo "wait st $?"
case $- in *f*) echo f-on;; *) echo f-off;; esac
[ "$(echo $$)" = "$$" ] && echo same-pid
( [ "$$" = "$(sh -c 'echo $PPID')" ] || echo ppid-differs )
nosuchcommand_xyz 2>/dev/null; echo "nf $?"
./nonexistent_rel 2>/dev/null; echo "rel $?"
touch noexec.sh; ./noexec.sh 2>/dev/null; echo "noexec $?"
