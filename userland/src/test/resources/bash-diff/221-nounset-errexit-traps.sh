set -u
declare -a e=(); echo "${e[@]+set}" "${#e[@]}"
f() { echo "${1:-none}"; }; f
( echo $undefined_z ) 2>/dev/null; echo "sub $?"
set +u
set -e
trap 'echo "exit trap $?"' EXIT
g() { false; echo not-here; }
if g; then echo then; fi
g || echo or-g
out=$(g; echo "cmdsub continues") ; echo "$out"
echo end
