x=outer
f() { x=inner; echo $x; }
f
echo $x
