f() { local x=$1; echo "${x:-none}" | tr a-z A-Z; }
g() { [[ $1 == y* ]] && return 0; for i in "$@"; do case $i in -*) continue;; esac; echo "$i"; done; }
type f
declare -f g
declare -F
set | sed -n '/^f ()/,/^}/p'
h() {
  cat <<-EOF
	indented $1
	EOF
  echo done
}
declare -f h
eval "$(declare -f f | sed 's/^f ()/f2 ()/')"; f2 abc
