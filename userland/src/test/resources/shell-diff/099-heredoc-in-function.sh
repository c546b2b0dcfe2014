f() {
  cat <<EOF
body $1
EOF
}
f arg1
f arg2
