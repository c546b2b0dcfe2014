v=global
a() { local v=a; b; echo "a: $v"; }
b() { v=modified-by-b; echo "b sees: $v"; }
a
echo "top: $v"
c() { local v; v=c-local; }
c; echo "after c: $v"
d() { local -i n=5; n+=5; echo $n; }
d
e() { local x=1; unset x; echo "[${x-unset}]"; }
x=outer; e; echo "$x"
