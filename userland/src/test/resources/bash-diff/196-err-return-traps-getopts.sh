set -E
trap 'echo "ERR trapped in ${FUNCNAME[0]:-main} status $?"' ERR
inner() { false; echo after-false; }
inner
set +E
trap - ERR
r() { trap 'echo "returning from r"' RETURN; echo in-r; }
r; echo after-r
countdown() { local n=$1; (( n == 0 )) && { echo done; return; }; echo $n; countdown $((n-1)); }
countdown 3
opt() { local OPTIND o; while getopts "ab:" o; do case $o in a) echo A;; b) echo "B=$OPTARG";; esac; done; shift $((OPTIND-1)); echo "rest=$*"; }
opt -a -b x y; opt -b z w
echo "${FUNCNAME[@]:-no-funcs}"
