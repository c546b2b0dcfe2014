f() { :; }
type -t f
type -t echo
type -t if
type -t ls 2>/dev/null || echo "ls not file?"
type -t nosuch; echo "st=$?"
command -v echo
command -v f
command -v nosuch; echo "st=$?"
type echo
type if
