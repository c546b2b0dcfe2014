s="version 3.14.1"
if [[ $s =~ ([0-9]+)\.([0-9]+)\.([0-9]+) ]]; then
  echo "match: ${BASH_REMATCH[0]}"
  echo "major ${BASH_REMATCH[1]} minor ${BASH_REMATCH[2]} patch ${BASH_REMATCH[3]}"
  echo "count ${#BASH_REMATCH[@]}"
fi
[[ abc =~ ^a.c$ ]] && echo anchored
[[ abc =~ x ]] || echo "nomatch ${#BASH_REMATCH[@]}"
re='^[a-z]+@[a-z]+\.com$'
[[ user@example.com =~ $re ]] && echo email
[[ "a.c" =~ "a.c" ]] && echo quoted-regex
[[ "abc" =~ "a.c" ]] || echo quoted-is-literal
[[ foo =~ (f)(o+) ]] && echo "${BASH_REMATCH[2]}"
