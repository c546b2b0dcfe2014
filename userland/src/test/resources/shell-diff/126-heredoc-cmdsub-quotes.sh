cat <<EOF
$(echo "quoted 'inner'")
"literal double" 'literal single'
EOF
