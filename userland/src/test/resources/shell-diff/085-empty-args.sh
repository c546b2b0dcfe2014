set -- '' a ''
echo $#
for x in "$@"; do echo "[$x]"; done
for x in $@; do echo "<$x>"; done
