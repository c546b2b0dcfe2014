command -v nosuch_cmd_xyz
echo $?
command -v echo
