set -- $(seq 3)
echo $#
x='a b c'
set -- $x
echo $# $2
