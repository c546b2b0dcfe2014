set -e
if ( false; echo not-reached-in-dash ); then echo then; else echo else; fi
( false ) || echo or
! ( false ); echo bang
f() { false; echo in-f; }; f || echo f-failed
x=$(false; echo sub) ; echo "x=$x"
false && true; echo andand
while false; do :; done; echo loop
set +e
false; case $? in 1) echo one;; *) echo other;; esac
false; case x in x) echo "in $?";; esac
(exit 3); case $(echo $?) in 3) echo three;; esac
IFS=:; set -- a b c; echo "$*"; IFS=; echo "$*"; unset IFS; echo "$*"
IFS=', '; set -- x y; echo "$*"; v="$*"; echo "$v"
unset IFS
cat <<'E$'
lit $HOME
E$
cat <<E\$
lit2
E$
cat <<"a b"
spaced
a b
p=$PPID; q=$(echo $PPID); [ "$p" = "$q" ] && echo same
r=$( (echo $PPID) ); [ "$p" = "$r" ] && echo same2
x=$(printf 'a\0b'); echo "${#x} $x"
y=$(printf '\0\0c\0'); echo "${#y}"
z=$(printf 'trail\n\n\n'); echo "[$z]"
w=`echo back\`tick\``; echo "$w" 2>/dev/null
echo $(echo '$(nested)')
echo "$(echo "in"'"'"quotes")"
a=$(exit 7); echo "st $?"
b=$(echo x; exit 2) c=1; echo "st2 $?"
echo $(( $(echo 3) + 4 ))
echo "$(cat <<X
here in cmdsub
X
)"
