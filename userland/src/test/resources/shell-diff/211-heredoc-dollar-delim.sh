cat <<$EOF
one
$EOF
cat <<"$x"
two $HOME
$x
cat <<'a$b'
three
a$b
cat <<E$
four
E$
