cat <<"END"
$HOME `not run`
END
cat <<E\OF
$x
EOF
