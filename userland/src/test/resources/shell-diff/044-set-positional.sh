set -- x y z
echo $2
set --
echo $#
set -- "a b"
echo $#
