echo a | grep a >/dev/null | cat
echo "${PIPESTATUS[@]}"
false
echo "${PIPESTATUS[@]}"
true | false | true
echo "${#PIPESTATUS[@]} ${PIPESTATUS[1]}"
