set -- a b c d e
while (( $# > 0 )); do echo -n "$1 "; shift; done; echo
set -- x y z
shift 2; echo "$@"
shift 5; echo "st=$? $#"
f() { while [[ $# -gt 0 ]]; do case $1 in -n) echo "n=$2"; shift 2;; *) echo "arg $1"; shift;; esac; done; }
f -n 5 other -n 6
