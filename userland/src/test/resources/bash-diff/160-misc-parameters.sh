set -- one two three four
echo "${@: -2:1}"
echo "${#@}" "${#*}"
echo "${@/o/0}"
echo "${*^^}"
last="${!#}"; echo "$last"
n=2; echo "${!n}"
