set -a
x=1
read y <<EOF
2
EOF
f() { :; }
env | grep -E '^(x|y)=' | sort
set +a
z=3; env | grep -c '^z=' 
set -o | grep -E '^(allexport|errexit|noglob|nounset)' 
set +o | grep -E 'allexport|noglob'
set -f; echo "$-" | grep -c f
set -- -x y; echo "$1 $2"
set - a b; echo "$# $1 $-" | sed 's/[^ ]*$/flags/'
