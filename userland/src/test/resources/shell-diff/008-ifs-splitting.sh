v='  a  b   c  '
for w in $v; do echo "[$w]"; done
IFS=:
v='x::y:'
for w in $v; do echo "<$w>"; done
