s=abcdefgh
echo "${s:2}"
echo "${s:2:3}"
echo "${s: -3}"
echo "${s: -3:2}"
echo "${s:1:-2}"
echo "${s:0:1}"
echo "${s:10}|"
i=3
echo "${s:i:i}"
echo "${s:$((1+1)):2}"
