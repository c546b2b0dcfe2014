# bash's notice for a foreground command ended by a signal, pids normalised
ulimit -c 0
show() { sed 's/^[^:]*: line \([0-9]*\): *[0-9][0-9]* /line \1: PID /' err; }
{ sh -c 'kill -9 $$'; } 2>err; echo "kill st=$?"; show
{ sh -c 'kill -XCPU $$'; } 2>err; echo "xcpu st=$?"; show
{ sh -c 'kill -INT $$'; } 2>err; echo "int st=$?"; show
{ sh -c 'kill -PIPE $$'; } 2>err; echo "pipe st=$?"; show
{ sh -c 'kill -TERM $$'; } 2>err; echo "term st=$?"; show
{ sh -c 'kill -USR1 $$'; } 2>err; echo "usr1 st=$?"; show
{ sh -c 'exit 3'; } 2>err; echo "exit st=$?"; show
{ sh -c "kill -ALRM \$\$"; } 2>err; echo "alrm st=$?"; show
