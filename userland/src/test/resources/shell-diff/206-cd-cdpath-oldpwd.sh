mkdir -p base/sub other
cd base
start=$(pwd)
cd -- sub && echo "in sub: ${PWD##*/}"
cd - >/dev/null; echo "back: ${PWD##*/}"
cd - | sed 's,.*/,,'
echo "OLDPWD tail: ${OLDPWD##*/}"
cd "$start"
CDPATH=$start cd sub | sed 's,.*/,,'
cd "$start"
CDPATH=:$start; export CDPATH
cd sub >/dev/null; echo "cdpath: ${PWD##*/}"
cd "$start"
cd nope 2>/dev/null; echo "st=$?"
unset CDPATH
cd -P .. && [ "$PWD" = "$(cd "$start/../.." && pwd -P)" ] && echo up-ok
cd -L base && echo "${PWD##*/}"
cd - >/dev/null && echo ok
