big=$(printf '%0300000d' 0)
echo ${#big}
( echo "sub ${#big}" )
echo "cmdsub $(echo ${#big})"
echo x | { read y; echo "pipe ${#big}"; }
f() { echo "func ${#big}"; }
f | cat
(echo bg ${#big}) & wait
export big2=$(printf '%0100d' 1)
sh -c 'echo child ${#big2}'
