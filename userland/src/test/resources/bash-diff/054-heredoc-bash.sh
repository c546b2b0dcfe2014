name=World
cat <<EOF
Hello, $name!
Sum: $((2 + 3))
Cmd: $(echo nested)
Array: ${arr[@]-none}
EOF
cat <<'EOF'
No $expansion here
EOF
cat <<-EOF
	indented
	EOF
