sh -c '[[ 1 == 1 ]]' 2>/dev/null; echo "st=$?"
sh -c 'echo {a,b}'
sh -c 'echo $((2**3))' 2>/dev/null; echo "st=$?"
sh -c 'x=abc; echo ${x:1}' 2>/dev/null; echo "st=$?"
sh -c 'echo $'"'"'a\tb'"'"''
