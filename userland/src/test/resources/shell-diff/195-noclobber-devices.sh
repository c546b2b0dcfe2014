set -C
echo one > f.txt
echo two > f.txt 2>/dev/null || echo refused
cat f.txt
echo three >| f.txt
cat f.txt
echo to-null > /dev/null && echo null-ok
echo append >> f.txt
cat f.txt
set +C
echo four > f.txt
cat f.txt
