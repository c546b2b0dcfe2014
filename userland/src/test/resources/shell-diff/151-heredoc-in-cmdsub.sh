x=$(cat <<EOF
inside $((1+1))
EOF
)
echo "[$x]"
echo $((1 + $(printf 2)))
