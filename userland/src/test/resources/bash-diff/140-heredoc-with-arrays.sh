items=(apple "banana split" cherry)
cat <<EOF
count: ${#items[@]}
first: ${items[0]}
all: ${items[*]}
second upper: ${items[1]^^}
EOF
