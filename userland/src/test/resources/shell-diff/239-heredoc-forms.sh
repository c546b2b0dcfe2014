cat <<EOF
plain text
tab	here
  spaces kept
