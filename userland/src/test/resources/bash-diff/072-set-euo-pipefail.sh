set -euo pipefail
trap 'echo "cleanup on exit $?"' EXIT
greet() { local name=${1:-nobody}; echo "hi $name"; }
greet
greet you
count=$(printf 'a\nb\n' | wc -l)
echo "lines: $count"
if ! grep -q zzz <<< "abc"; then echo "no zzz"; fi
false | true
echo "unreachable"
