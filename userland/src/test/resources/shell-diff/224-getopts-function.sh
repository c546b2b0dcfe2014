f() {
  while getopts "ab:c" opt "$@"; do
    case $opt in
      a) echo "a";;
      b) echo "b=$OPTARG";;
      c) echo "c";;
      *) echo "bad $opt";;
    esac
  done
  shift $((OPTIND - 1))
  echo "rest: $*"
}
f -a -b x -c y z
OPTIND=1
f -ab x -- -c
OPTIND=1
f -x 2>/dev/null
OPTIND=1
f -acb val rest
OPTIND=1
f
OPTIND=1
getopts ab: o -b; echo "st=$? o=$o OPTARG=${OPTARG-unset}"
