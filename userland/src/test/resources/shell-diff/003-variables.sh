x=1
y="$x two"
echo "$y" ${x}0 $x$x
unset x
echo "[${x}]"
