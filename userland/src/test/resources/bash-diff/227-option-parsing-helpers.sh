usage() { echo "usage: $0 [-v] [-o file] args"; return 2; }
parse() {
  local OPTIND opt verbose=0 out=
  while getopts ":vo:h" opt; do
    case $opt in
      v) verbose=1 ;;
      o) out=$OPTARG ;;
      h) usage; return ;;
      :) echo "missing arg for -$OPTARG"; return 1 ;;
      \?) echo "bad option -$OPTARG"; return 1 ;;
    esac
  done
  shift $((OPTIND - 1))
  echo "verbose=$verbose out=$out rest=$*"
}
parse -v -o f.txt a b; parse -x; parse -o; parse -- -v; parse -vofile z
for arg in --name=joe --flag -- pos; do
  case $arg in
    --name=*) echo "name ${arg#*=}" ;;
    --flag) echo flag ;;
    --) echo end ;;
    *) echo "pos $arg" ;;
  esac
done
die() { echo "error: $*" >&2; exit 1; }
( die "bad" ); echo "die $?"
retry() { local n=0; until "$@"; do (( ++n >= 3 )) && return 1; done; }
c=0; t() { (( ++c >= 2 )); }; retry t; echo "retry $? $c"
retry false; echo "retry-false $?"
log() { printf '[%s] %s\n' "$1" "${*:2}"; }; log INFO hello world
join() { local IFS=$1; shift; echo "$*"; }; join , a b c
trim() { local v=$1; v=${v#"${v%%[! ]*}"}; v=${v%"${v##*[! ]}"}; printf '[%s]\n' "$v"; }; trim "  x y  "
contains() { [[ " ${*:2} " == *" $1 "* ]]; }; contains b a b c && echo yes; contains z a b || echo no
