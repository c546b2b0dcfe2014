set -x
x=1
echo "a b" c
y=$(echo sub)
set +x
echo done
