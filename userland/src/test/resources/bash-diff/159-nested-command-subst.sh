a=$(echo "$(echo "$(echo deep "quoted  text")")")
echo "$a"
b=$(for i in 1 2 3; do echo -n "$i"; done)
echo "$b"
c=$(case x in x) echo matched;; esac)
echo "$c"
d=$( (echo sub) | tr a-z A-Z )
echo "$d"
e=$(cat <<EOF
heredoc in subst
EOF
)
echo "$e"
