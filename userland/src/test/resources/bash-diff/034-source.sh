cat > lib.sh <<'X'
libvar=loaded
libfn() { echo "libfn $1"; }
echo "sourcing with $# args: $*"
X
source ./lib.sh a b
echo $libvar
libfn x
. ./lib.sh
cat > ret.sh <<'X'
echo before
return 4
echo after
X
source ./ret.sh; echo "st=$?"
