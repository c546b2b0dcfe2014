x=world
cat <<EOF
hello $x
$(echo sub)
\$x stays
EOF
cat <<'EOF'
literal $x
EOF
