f() {
  OPTIND=1
  while getopts :ab:c opt "$@"; do
    case $opt in
      \?) echo "bad $OPTARG";;
      :) echo "missing $OPTARG";;
      *) echo "$opt ${OPTARG-unset}";;
    esac
  done
  shift $((OPTIND-1)); echo "rest $* ind $OPTIND"
}
f -a -b foo -c x y
f -ab bar -- -c
f -x -b
f -acb
f -- -a
f -a - -c
g() { OPTIND=1; while getopts ab: o "$@"; do echo "$o ${OPTARG-unset}"; done 2>&1; echo "end $o"; }
g -z -b 2>/dev/null
g -b
