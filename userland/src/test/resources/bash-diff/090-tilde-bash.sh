[[ ~ == "$HOME" ]] && echo tilde
x=~/sub; [[ $x == "$HOME/sub" ]] && echo assign
echo ~root
y=a:~/b; [[ $y == "a:$HOME/b" ]] && echo colon
[[ ~+ == "$PWD" ]] && echo plus
cd /tmp; cd /; [[ ~- == /tmp ]] && echo minus
echo "~"
z="~"; echo $z
