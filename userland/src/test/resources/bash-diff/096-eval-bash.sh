cmd="echo hello"
eval "$cmd world"
var=name; eval "$var=value"; echo $name
eval "arr=(1 2 3)"; echo ${#arr[@]}
for i in 1 2; do eval "v$i=$i"; done; echo $v1 $v2
eval 'f() { echo from eval; }'; f
eval "echo \$HOME" | sed "s|$HOME|H|"
