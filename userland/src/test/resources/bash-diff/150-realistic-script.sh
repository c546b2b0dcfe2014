#!/usr/bin/env bash
set -euo pipefail
log() { printf '[%s] %s\n' "$1" "${*:2}"; }
declare -A totals=()
input=$'alice,10\nbob,5\nalice,7\ncarol,3\nbob,1'
while IFS=, read -r name amount; do
  (( totals[$name] += amount )) || true
done <<< "$input"
for name in alice bob carol; do
  log INFO "$name ${totals[$name]}"
done
best=""; max=-1
for name in "${!totals[@]}"; do
  if (( totals[$name] > max )); then max=${totals[$name]}; best=$name; fi
done
log RESULT "top $best with $max"
