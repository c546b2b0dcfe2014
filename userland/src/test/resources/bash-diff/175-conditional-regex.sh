s="The quick brown fox"
[[ $s =~ ^The\ ([a-z]+)\ (b[a-z]+) ]] && echo "${BASH_REMATCH[0]}|${BASH_REMATCH[1]}|${BASH_REMATCH[2]}|${#BASH_REMATCH[@]}"
re='([0-9]+)\.([0-9]+)'; [[ "v12.34" =~ $re ]] && echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
[[ "abc" =~ "a.c" ]] || echo "quoted regex is literal"
[[ foo == f* ]] && echo glob; [[ foo == "f*" ]] || echo literal
[[ -z "" && -n x ]] && echo both; [[ ! -e /nonexistent || 1 -eq 2 ]] && echo or
[[ a < b ]] && echo lt; [[ 10 -lt 9 ]] || echo numeric
x=; [[ -v x ]] && echo "x set"; unset x; [[ -v x ]] || echo "x unset"
a=(1 2); [[ -v a[1] ]] && echo "a1 set"; [[ -v a[5] ]] || echo "a5 unset"
shopt -s nocasematch; [[ ABC == abc ]] && echo nocase; shopt -u nocasematch
[[ $s == *quick* ]] && echo contains
