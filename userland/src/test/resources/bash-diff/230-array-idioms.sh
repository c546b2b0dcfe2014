a=(3 1 2); IFS=$'\n' sorted=($(sort -n <<< "${a[*]}")); unset IFS; echo "${sorted[@]}"
declare -A seen; for x in b a b c a; do [[ -n ${seen[$x]} ]] && continue; seen[$x]=1; echo -n "$x "; done; echo
str="a-b-c"; IFS=- read -ra parts <<< "$str"; echo "${#parts[@]} ${parts[-1]}"
echo "${str//-/ }" | wc -w
printf '%s\n' "${parts[@]/#/x}"
n=$(( ${#parts[@]} - 1 )); echo "${parts[$n]}"
unset 'parts[0]'; echo "${parts[@]}" "${!parts[@]}"
x=( "${parts[@]}" ); echo "${!x[@]}"
f() { local -a arr=("$@"); echo "${#arr[@]}"; }; f "a b" c
g() { echo "${@:2:1}"; }; g p q r
s=$(printf 'line1\nline2'); echo "${s%%$'\n'*}"
[[ $s == *$'\n'* ]] && echo multi
val=${1:-default}; echo $val
echo "${PATH%%:*}" | grep -c /
h=$(( 16#ff )); printf '%d %#x\n' $h $h
time_fmt=$(printf '%02d:%02d' 5 7); echo $time_fmt
