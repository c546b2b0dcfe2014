f() { echo "$#:$*"; }
f "$@"
set -- "" ""; f "$@"; f $@; f "$*"; f $*
set -- "a  b"; f $1; f "$1"
arr="x y z"; f $arr; f "$arr"
n=; f $n; f "$n"; f ${n:+"$n"}
IFS=,; v="1,2,,3"; f $v; unset IFS
IFS=' ,'; v="1, 2 ,, 3"; f $v; unset IFS
