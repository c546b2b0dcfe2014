declare -p x 2>/dev/null; echo "np $?"
x=1; declare -p x; declare -a a=(1 "two words" $'t\tx'); declare -p a
declare -A m=([k]=v); declare -p m
declare -i i=3; declare -p i
declare -rx rx=1; declare -p rx
f() { local l=1; declare -p l; }; f
declare -a e; declare -p e
declare -A ea; declare -p ea
y=$'a\nb'; declare -p y
z="it's \"q\" \$x \`b\`"; declare -p z
declare -n nr=x; declare -p nr
export EX=1; declare -p EX
declare -l low=ABC; declare -p low
readonly RO=2; declare -p RO
unset x; declare x; declare -p x
