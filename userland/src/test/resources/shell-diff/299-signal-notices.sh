# dash's notice for a foreground command ended by a signal: strsignal's text, none for INT and PIPE
ulimit -c 0
{ sh -c 'kill -9 $$'; } 2>&1; echo "kill st=$?"
{ sh -c 'kill -XCPU $$'; } 2>&1; echo "xcpu st=$?"
{ sh -c 'kill -INT $$'; } 2>&1; echo "int st=$?"
{ sh -c 'kill -PIPE $$'; } 2>&1; echo "pipe st=$?"
{ sh -c 'kill -TERM $$'; } 2>&1; echo "term st=$?"
{ sh -c 'kill -USR2 $$'; } 2>&1; echo "usr2 st=$?"
{ sh -c 'kill -ALRM $$'; } 2>&1; echo "alrm st=$?"
{ sh -c 'exit 3'; } 2>&1; echo "exit st=$?"
f() { sh -c 'kill -HUP $$'; }
{ f; } 2>&1; echo "function st=$?"
if sh -c 'kill -KILL $$' 2>/dev/null; then :; else echo "in if st=$?"; fi 2>&1
