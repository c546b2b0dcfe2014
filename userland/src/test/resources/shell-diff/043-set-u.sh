set -u
echo ok
echo ${undefined:-default}
echo $undefined
echo never
