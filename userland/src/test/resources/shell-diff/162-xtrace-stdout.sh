set -x
echo "a b" x
y="1 2"
( echo sub )
