command echo via-command
command -v echo
type true
