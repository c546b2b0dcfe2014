trap 'echo "failed at line $LINENO with $?"' ERR
step() { echo "step $1"; return "$2"; }
step 1 0
step 2 3 || true
set -e
step 3 0
step 4 5
echo unreachable
