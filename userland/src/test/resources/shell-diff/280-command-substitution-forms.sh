a=$(cat <<EOF
inside heredoc $((2+3))
EOF
)
echo "$a"
b=`echo back\`echo nested\`quote`; echo "$b"
c=$(case x in x) echo matched;; esac); echo "$c"
d=$( # comment with )
echo after-comment
); echo "$d"
e="$(echo "inner \"quotes\" $(echo deep)")"; echo "$e"
f=`echo '\$HOME' "\\\\"`; echo "$f"
g=$(echo a; echo b); echo "$g"
h=$(printf 'trail\n\n\n'); echo "[$h]"
