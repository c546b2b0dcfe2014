retry() {
  local -i attempt=1 max=$1; shift
  until "$@"; do
    if (( attempt >= max )); then echo "failed after $attempt"; return 1; fi
    echo "attempt $attempt failed"; ((attempt++))
  done
  echo "succeeded on $attempt"
}
counter=0
flaky() { ((++counter >= 3)); }
retry 5 flaky
retry 2 false || echo "gave up"
version_ge() { [[ "$(printf '%s\n' "$2" "$1" | sort -t. -k1,1n -k2,2n -k3,3n | head -n1)" == "$2" ]]; }
version_ge 1.10.0 1.9.3 && echo "1.10.0 >= 1.9.3"
version_ge 1.2.0 1.10.0 || echo "1.2.0 < 1.10.0"
join_by() { local IFS="$1"; shift; echo "$*"; }
join_by , a b c; join_by '' x y
trim() { local s="$*"; s="${s#"${s%%[![:space:]]*}"}"; s="${s%"${s##*[![:space:]]}"}"; printf '[%s]\n' "$s"; }
trim "   padded text   "
