f() { local x=1 y; y=2; echo "$x $y"; g; }
g() { echo "g sees ${x:-unset}"; }
x=global
f
echo $x ${y:-unset-y}
