s="hello"
echo ${#s}
a=(one two three)
echo ${#a} ${#a[0]} ${#a[2]} ${#a[@]}
empty=""
echo ${#empty}
echo ${#HOME} | grep -qE '^[0-9]+$' && echo numeric
