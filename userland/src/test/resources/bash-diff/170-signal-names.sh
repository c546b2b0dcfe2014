kill -l | head -4
kill -l 9 15 130 0 16 40
kill -l TERM; kill -l 99 2>/dev/null; echo "st $?"
trap -l | tail -3
f() { echo "${#@} ${#*} $#"; }; f a "b c" ""
