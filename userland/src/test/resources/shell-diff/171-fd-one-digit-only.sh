echo 10>f
cat f
echo 12 3>g
cat g
echo a >&7
echo "status $?"
