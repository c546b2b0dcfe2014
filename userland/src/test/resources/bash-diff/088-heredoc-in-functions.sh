usage() {
  cat <<EOF
Usage: ${0##*/} [options]
  -h  help
EOF
}
usage | sed 's/bash/NAME/'
gen() {
  local n=$1
  cat <<-END
	item $n
	END
}
for i in 1 2; do gen $i; done
cat <<'EOF' | wc -l
a
b
EOF
