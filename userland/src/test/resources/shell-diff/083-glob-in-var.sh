x='*'
echo "$x"
set -f
echo $x
