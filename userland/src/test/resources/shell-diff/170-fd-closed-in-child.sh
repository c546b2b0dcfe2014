exec 3>f
sh -c 'echo x >&3' 3>&-
echo "status $?"
sh -c 'echo y >&3'
exec 3>&-
sh -c 'echo z >&3'
echo "status $?"
cat f
