trap 'echo in-trap; exit 7' EXIT
echo body
exit 2
