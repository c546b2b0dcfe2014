set -e
trap 'echo "exit with $?"' EXIT
trap 'echo "err trap"' ERR
echo start
false
echo not reached
