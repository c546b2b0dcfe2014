while IFS='=' read -r key value; do
  case $key in
    ''|'#'*) continue;;
  esac
  echo "key=[$key] value=[$value]"
done <<'EOF'
# comment
name=sandkernel

version=1.0
path=/a=b
EOF
