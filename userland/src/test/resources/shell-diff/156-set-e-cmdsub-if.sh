set -e
if x=$(false); then echo then; else echo else; fi
v=$(echo ok)
echo $v
