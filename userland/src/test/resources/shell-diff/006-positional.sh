set -- a 'b c' d
echo $#
for a in "$@"; do echo "[$a]"; done
for a in $*; do echo "<$a>"; done
echo "$*"
shift
echo "$1" $#
