a='simple'
b='with space'
c="it's"
d=$'tab\there'
echo "${a@Q}"
echo "${b@Q}"
echo "${c@Q}"
echo "${d@Q}"
e=''
echo "${e@Q}"
f='x\ny'
echo "${f@E}"
g=hello
echo "${g@U} ${g@u} ${g@L}"
