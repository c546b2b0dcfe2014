x=hello.world.txt
echo ${x%.*} ${x%%.*} ${x#*.} ${x##*.}
y="a b  c"
echo ${y#"a "} "${y%  c}"
p=.txt
echo ${x%$p} "${x%"$p"}"
q='*.'
echo ${x#$q} "${x#"$q"}"
z='a\b'
echo "${z#a\\}"
echo ${#x} ${#y}
n=
echo "${n:-empty}" "${n-set}" "${n:+plus}" "${n+setplus}"
unset n
echo "${n:-empty}" "${n-unset}" "${n:+plus}" "${n+setplus}"
echo ${n:=assigned} $n
v=abc; echo ${v#'a'} ${v%"c"} ${v#\a}
s='[a]'; echo ${s#'['} ${s%']'}
