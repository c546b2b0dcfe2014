set -C
echo one > f
echo two > f
echo "status $?"
echo three >| f
echo four > /dev/null
echo "null $?"
cat f
echo five >> f
cat f
set +C
echo six > f
cat f
