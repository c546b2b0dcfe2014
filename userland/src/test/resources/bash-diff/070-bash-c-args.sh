bash -c 'echo "$0 $1 $2 $#"' name a b
bash -c 'exit 7'; echo $?
bash -c 'echo $BASH_SUBSHELL'
echo 'echo from stdin' | bash
bash -c 'f() { echo "${FUNCNAME[0]}"; }; f'
