#!/usr/bin/env bash
set -euo pipefail
log() { printf '[%s] %s\n' "$1" "${*:2}"; }
die() { log ERROR "$@" >&2; exit 1; }
declare -A counts=()
words="apple banana apple cherry banana apple"
for w in $words; do
  counts[$w]=$(( ${counts[$w]:-0} + 1 ))
done
for k in $(printf '%s\n' "${!counts[@]}" | sort); do
  log INFO "$k=${counts[$k]}"
done
total=0
for v in "${counts[@]}"; do (( total += v )); done
log INFO "total=$total"
file=$(mktemp)
trap 'rm -f "$file"' EXIT
printf '%s\n' one two three > "$file"
content=$(< "$file")
echo "${content//$'\n'/,}"
n=$(wc -l < "$file")
echo "lines: $((n))"
[[ -s $file ]] && log INFO "non-empty"
result=$(grep -c o "$file" || true)
echo "with o: $result"
