select x in a b c; do echo "x=$x REPLY=$REPLY"; done <<< $'2\n\n9\nfoo\n'
echo "st $?"
select x in a; do (exit 3); done <<< 1; echo "st $?"
PS3="pick: "; select x in "a b" c; do echo "[$x]"; break; done <<< "1"; echo "st $?"
set -- p q; select x; do echo "$x"; break; done <<< 2
select x in; do echo never; done; echo "empty $?"
select n in $(seq 1 30); do echo "chose $n"; break; done <<< 17 2>&1 | cat -A
f() { select opt in start stop; do case $opt in start) echo starting;; stop) echo stopping; break;; *) echo "invalid $REPLY";; esac; done; }
printf '1\n3\n2\n' | f
