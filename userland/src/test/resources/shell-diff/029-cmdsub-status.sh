x=$(false); echo $?
x=$(exit 5); echo $?
y=$(true)
echo $?
