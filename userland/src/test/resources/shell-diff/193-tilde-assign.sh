a=~/x
[ "$a" = "$HOME/x" ] && echo a-ok
PATH2=x:~/bin:~
[ "$PATH2" = "x:$HOME/bin:$HOME" ] && echo p-ok
u=
b=${u:-~}
[ "$b" = "$HOME" ] && echo b-ok
c="~"
echo "$c"
d=~root
echo "$d"
echo ~root/sub
e=x~y
echo "$e"
f=~nosuchuser123
echo "$f"
for w in ~; do [ "$w" = "$HOME" ] && echo for-ok; done
export g=~/y
[ "$g" = "$HOME/y" ] && echo export-ok
echo ${u:-~root}
HOME=/custom; echo ~ ~/z
