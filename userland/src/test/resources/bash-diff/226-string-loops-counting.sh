s="Hello, World! 123"
echo "${s//[^a-zA-Z]/}" "${s//[[:digit:]]/#}" "${s//+([a-z])/x}"
shopt -s extglob; echo "${s//+([a-z])/x}" "${s##*( )}" "${s%%+([0-9])}"; shopt -u extglob
f() { local IFS=,; echo "$*"; }; f a b c; echo "$*" x
g() { declare -g G=global; local L=local; }; g; echo "$G ${L-unset}"
cleanup() { echo "cleanup $1"; }
h() { trap 'cleanup h' RETURN; echo in-h; }; h; trap - RETURN
set -E; trap 'echo "ERR in ${FUNCNAME[0]-main}"' ERR; k() { false; }; k; trap - ERR; set +E
while IFS= read -r line; do printf '<%s>' "$line"; done <<'EOF2'
  indented
	tab
last\
EOF2
echo
while IFS=: read -r user _ uid _; do echo "$user=$uid"; done <<< $'root:x:0:0\nbin:x:1:1'
cat <<-EOF3
	stripped tabs
		two
	EOF3
arr=(banana apple cherry); sorted=($(printf '%s\n' "${arr[@]}" | sort)); echo "${sorted[*]}"
printf '%b\n' 'one\ttwo' '\x41\0102'
str="key=value=more"; echo "${str%%=*}" "${str#*=}"
case "$str" in *=*=*) echo two-eq;; *=*) echo one-eq;; esac
case x in (x|y) echo paren;; esac
[[ "a.b" =~ ^a\.b$ ]] && echo dot; [[ "a+b" =~ a\+b ]] && echo plus; [[ "(x)" =~ \(x\) ]] && echo parens
n=0; until (( n >= 3 )); do (( n++ )); done; echo $n
x=10; (( x > 5 && x < 20 )) && echo range; (( x == 10 ? 1 : 0 )) && echo tern
echo $(( x > 5 ? x * 2 : 0 )) $(( -x )) $(( ~0 )) $(( !0 )) $(( x, 7 ))
printf '%s\n' {1..3} | while read -r i; do echo "row$i"; done
mapfile -t < <(printf 'm1\nm2\n'); echo "${MAPFILE[@]}"
declare -A cnt; for w in a b a c a; do (( cnt[$w]++ )); done; for k in a b c; do echo "$k:${cnt[$k]}"; done
