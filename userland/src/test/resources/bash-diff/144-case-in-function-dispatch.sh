cmd_start() { echo "starting $*"; }
cmd_stop() { echo "stopping"; }
dispatch() {
  local sub=$1; shift
  if declare -F "cmd_$sub" >/dev/null; then "cmd_$sub" "$@"; else echo "unknown: $sub"; return 1; fi
}
dispatch start now
dispatch stop
dispatch bogus; echo "status $?"
