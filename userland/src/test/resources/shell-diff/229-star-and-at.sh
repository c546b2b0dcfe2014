IFS=: 
set -- a b c
echo "$*" $*
IFS=' '
x="$*"; echo "$x"
IFS='-x'
echo "$*"
IFS=
echo "[$*]" [$*]
unset IFS
set -- "a b" c
for i in $*; do echo "<$i>"; done
for i in "$*"; do echo "<$i>"; done
for i in "$@"; do echo "<$i>"; done
set --
for i in "$@"; do echo "<$i>"; done
echo "[$*]" "[$@]"
