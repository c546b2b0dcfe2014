x=$(exit 3)
echo $?
x=1 y=$(false)
echo $?
