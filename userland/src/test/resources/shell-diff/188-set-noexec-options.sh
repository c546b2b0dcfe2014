set -o vi; echo vi=$?
set -o emacs; echo emacs=$?
set +o vi
set -o notify; set +o notify
set -o ignoreeof; set +o ignoreeof
set -o nolog; set +o nolog
set -o debug 2>/dev/null; echo debug=$?
set -o privileged 2>/dev/null; echo privileged=$?
set +o privileged
set -o | sed 's/[[:space:]]\{1,\}/ /'
set +o | head -3
(set -o bogus) 2>/dev/null; echo bogus=$?
sh -n -c 'echo not run'; echo n=$?
sh -c 'set -n; echo not printed'; echo after=$?
