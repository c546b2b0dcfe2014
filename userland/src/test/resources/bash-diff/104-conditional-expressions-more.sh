x=""
[[ $x ]] || echo "empty is false"
[[ -n "$x" ]] || echo "n false"
y="0"
[[ $y ]] && echo "zero string is true"
[[ $y -eq 0 ]] && echo "numeric zero"
[[ 1 -eq 1 ]] && [[ 2 -eq 2 ]] && echo "two conds"
[[ ! -z "a" ]] && echo "double negative"
[[ "a b" == "a b" ]] && echo "spaces"
z="a b"; [[ $z == a\ b ]] && echo "escaped space"
[[ abc == *b* ]] && echo contains
[[ -o errexit ]] || echo "errexit off"
set -e; [[ -o errexit ]] && echo "errexit on"; set +e
