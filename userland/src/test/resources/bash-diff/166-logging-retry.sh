log() { local level=$1; shift; printf '%-5s %s\n' "$level" "$*"; }
log INFO "starting"
log WARN "disk at" 91 "%"
retry() {
  local n=0 max=3
  until "$@"; do
    (( ++n >= max )) && { log ERROR "gave up after $n"; return 1; }
    log INFO "retry $n"
  done
}
flaky() { (( ++calls > 2 )); }
calls=0
retry flaky && log INFO "ok after $calls"
retry false || log INFO "status $?"
