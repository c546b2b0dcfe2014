echo "a'b" 'c"d' "e\"f" "g\\h" "i\j"
echo '' "" x
set -- '' ''
echo $#
echo "$(echo '"quoted"')"
