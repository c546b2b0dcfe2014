x=1
( x=2; echo "in subshell $x" )
echo "outside $x"
y=$(x=3; echo $x)
echo "$y $x"
echo hi | { read z; echo "pipe z=$z"; }
echo "after pipe z=[${z-}]"
arr=(1 2)
( arr+=(3); echo "${#arr[@]}" )
echo "${#arr[@]}"
