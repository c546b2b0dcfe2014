command -v cat >/dev/null && echo found-cat
command -v nosuch_command_q
echo "status $?"
hash nosuch_command_q
echo "hash status $?"
hash cd
echo "hash builtin $?"
type nosuch_command_q >/dev/null
echo "type status $?"
