s='/usr/local/lib/libfoo.so.1.2'
echo ${s#*/} ${s##*/} ${s%.*} ${s%%.*}
echo ${s#"/usr"} ${s%'.2'} "${s#*[/]}"
p='*'; echo ${s#$p} "${s#"$p"}"
v=abcabc; echo ${v%b*} ${v%%b*} ${v#*b} ${v##*b}
echo ${v#[ab]} ${v#?} ${v%?} ${v%[!c]}
u=; echo "[${u:-d}] [${u-d}] [${u:+a}] [${u+a}]"
unset u; echo "[${u:-d}] [${u-d}] [${u:+a}] [${u+a}]"
echo ${#s} ${#} ${#u}
set -- a b c; echo ${#@} ${#*}
echo "${x:=assigned}" $x
(: ${y:?custom msg}) 2>&1 | sed 's/^.*y: /y: /'
