s="  padded  "
trimmed="${s#"${s%%[![:space:]]*}"}"
trimmed="${trimmed%"${trimmed##*[![:space:]]}"}"
echo "[$trimmed]"
file=/path/to/archive.tar.gz
echo "${file##*/}" "${file%/*}" "${file#*.}" "${file%%.*}"
name=${file##*/}; echo "${name%.tar.gz}"
csv="a,b,c"
IFS=, read -r -a fields <<< "$csv"
echo "${#fields[@]}: ${fields[*]}"
upper=${csv^^}; echo $upper
echo "${#csv}"
repeat=$(printf 'ab%.0s' {1..3}); echo $repeat
