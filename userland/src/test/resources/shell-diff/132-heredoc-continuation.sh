cat <<EOF
line one \
continued
cost \$5 and $
EOF
