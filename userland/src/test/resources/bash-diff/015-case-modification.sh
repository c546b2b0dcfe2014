s="hello World"
echo "${s^}"
echo "${s^^}"
echo "${s,}"
echo "${s,,}"
u=HELLO
echo "${u,}" "${u,,}"
echo "${s^^[lo]}"
echo "${s~~}"
