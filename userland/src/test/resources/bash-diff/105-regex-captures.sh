log='2024-01-15 ERROR [db] connection failed'
if [[ $log =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2})\ ([A-Z]+)\ \[([a-z]+)\]\ (.*)$ ]]; then
  for i in 1 2 3 4 5 6; do echo "$i: ${BASH_REMATCH[$i]}"; done
fi
[[ "key=value" =~ ^([^=]+)=(.*)$ ]] && echo "${BASH_REMATCH[1]} -> ${BASH_REMATCH[2]}"
[[ "aaa" =~ a{2} ]] && echo "bound: ${BASH_REMATCH[0]}"
[[ "x1y22z333" =~ [0-9]+ ]] && echo "first: ${BASH_REMATCH[0]}"
[[ "ABC" =~ [[:upper:]]+ ]] && echo "class: ${BASH_REMATCH}"
