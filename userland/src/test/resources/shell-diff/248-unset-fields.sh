unset x
set -- $x
echo $#
set -- "$x"
echo $#
set -- ${x}""
echo $#
y=""
set -- $y $y
echo $#
set -- "" "$y"
echo $#
z=" "
set -- $z
echo $#
