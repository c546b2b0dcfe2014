cat > inner.sh <<'EOF'
echo "source: ${BASH_SOURCE[0]##*/} func: ${FUNCNAME[0]-none} args: $# $*"
f() { echo "in f: ${FUNCNAME[*]} ${BASH_SOURCE[*]##*/} ${BASH_LINENO[*]}"; }
f
echo "\$0: ${0##*/}"
echo "line $LINENO"
EOF
bash inner.sh a b
bash ./inner.sh
source ./inner.sh x
