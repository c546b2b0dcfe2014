x='héllo wörld'
echo ${#x} "${x:1:3}" "${x^^}" "${x#h?}" "${x//ö/o}"
printf '%b|%s\n' '\u263A' $'\u00e9\U0001F600'
y=$'\u00e9'; echo ${#y}
[[ $y == ? ]] && echo one-char
case é in [[:alpha:]]) echo alpha;; esac
printf '%q\n' 'é x'
printf '%.2s|\n' 'éàü'
printf '%5s|\n' 'é'
read -n 1 c <<< 'éa'; echo "$c"
echo "${x@Q}"
s='日本語テキスト'; echo ${#s} ${s:2:2}
