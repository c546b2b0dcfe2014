cmd='echo evaluated'
eval "$cmd"
eval 'x=1; y=2'
echo $x $y
v=name; eval "$v=value"; echo $name
