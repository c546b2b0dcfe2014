s="hello world"
[[ $s == hello* ]] && echo glob
[[ $s == "hello*" ]] || echo quoted-literal
[[ $s =~ ^(h[a-z]+)\ (w.*)$ ]] && echo "${BASH_REMATCH[0]}|${BASH_REMATCH[1]}|${BASH_REMATCH[2]}|${#BASH_REMATCH[@]}"
re='o (w)'; [[ $s =~ $re ]] && echo "re ${BASH_REMATCH[1]}"
[[ $s =~ "o w" ]] && echo quoted-regex
[[ -n $s && ( $s == h* || $s == x* ) ]] && echo grouped
[[ ! -z $s ]] && echo notz
[[ 10 -gt 9 ]] && echo num; [[ 10 > 9 ]] || echo lexical
[[ abc < abd ]] && echo lt
[[ $undefined_var == "" ]] && echo empty-unset
x=5; [[ x -eq 5 ]] && echo arith-name
[[ -v x ]] && echo set-v; [[ -v nope ]] || echo unset-v
a=(1 2); [[ -v a[1] ]] && echo elem; [[ -v a[5] ]] || echo noelem
[[ a =~ [ ]] 2>/dev/null; echo "badre $?"
shopt -s nocasematch; [[ HELLO == hello ]] && echo nocase; shopt -u nocasematch
[[ "a b" == a\ b ]] && echo esc
[[ $s == *"o w"* ]] && echo mixed
[[ -e /dev/null && -c /dev/null ]] && echo dev
v="Hello World Hello"
echo ${v//Hello/Bye} ${v/Hello/Bye} ${v/#Hello/X} ${v/%Hello/Y} ${v//o}
echo ${v:6} ${v:6:5} ${v: -5} ${v: -5:2} ${v:0:-6}
echo ${v^^} ${v,,} ${v^} ${v,} ${v^^[lo]}
n=v; echo ${!n}
q="it's a \"test\""; echo ${q@Q}
e='a\tb'; echo ${e@E}
declare -i num=5; echo ${num@a}
arr=(x y); echo ${arr@Q} "${arr[@]@Q}"
echo ${v@U} ${v@L} ${v@u}
echo $'tab\there' $'nl\\n' $'\x41\u00e9\101' $'a\'b'
echo {a,b}{1,2} {1..10..3} {z..w} {01..03} x{,y}
echo {a..c}{1..2}
echo ${#v} ${v//[A-Z]/_}
p='*o'; echo ${v//$p/+} "${v//"$p"/+}"
echo ${v/l*/L}
