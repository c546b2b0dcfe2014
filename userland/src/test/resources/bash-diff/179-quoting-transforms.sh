printf '%(%Y)T\n' 0 | grep -c 1970
printf '%q\n' 'a b' "it's" '$x' ''
printf '%s|' $'tab\there' $'nl\nx' $'\x41\101' ; echo
echo $'\e' | od -An -c | tr -d ' '
v='a*b'; echo "${v//\*/-}" ${v/#a/A} ${v/%b/B} "${v//[ab]/}"
s=aaa; echo ${s/a/b} ${s//a/b} ${s/#a/} ${s/%a/}
e=; echo "${e:-default}" "${e:=set}" "$e"
name=greeting; greeting=hi; echo ${!name} ${!gre*}
arr=(x y); ref='arr[1]'; echo ${!ref}
echo ${#arr} ${#arr[0]}
t="Hello World"; echo ${t^} ${t^^} ${t,} ${t,,} ${t~~} ${t^^[lo]}
