x=global
f() { x=changed; y=new; }
f
echo $x $y
g() { set -- inner; echo $1; }
set -- outer
g
echo $1
