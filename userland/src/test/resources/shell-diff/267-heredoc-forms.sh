cat <<EOF
tab	 and \$ and \` and \\ and \x
$(echo cmd) `echo bq` $((1+2))
"quotes" 'single'
EOF
cat <<-EOF
	leading tabs removed
		two
	EOF
cat <<'E1'; cat <<E2
one $x
E1
two $((2*3))
E2
x=val; cat <<EOF
${x} ${x:+set} \${x}
EOF
cat << "Q"
$x
Q
