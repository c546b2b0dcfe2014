#!/usr/bin/env bash
set -euo pipefail
IFS=$'\n\t'
readonly SCRIPT_NAME=${0##*/}
die() { echo "error: $*" >&2; exit 1; }
require() { command -v "$1" >/dev/null 2>&1 || die "missing $1"; }
require cat
require sort
main() {
  local -r input="b
a
c"
  local -a sorted
  readarray -t sorted < <(sort <<< "$input")
  local i
  for i in "${!sorted[@]}"; do
    printf '%d: %s\n' "$((i + 1))" "${sorted[$i]}"
  done
  [[ -n ${UNSET_VAR:-} ]] || echo "no UNSET_VAR"
}
main "$@"
