cat <<-EOF
	indented
		double
	EOF
echo done
