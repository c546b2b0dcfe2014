eval 'echo one; echo two'
eval "x=5"; echo $x
eval 'for i in 1 2; do echo $i; done'
cmd='echo "quoted arg"'; eval "$cmd"
eval 'echo $((1+1))'
eval ''
echo "empty eval $?"
eval 'false'; echo "st=$?"
eval 'exit 0' && echo never
