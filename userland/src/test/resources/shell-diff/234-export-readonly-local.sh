readonly A=1
export B=2
set | grep -E '^(A|B)='
export -p | grep -E ' (A|B)'
readonly -p | grep ' A='
unset A 2>/dev/null; echo "unset st=$?"
echo "$A"
f() { local v=local; echo "$v"; }
v=global; f; echo "$v"
g() { local w; w=set; echo "$w"; }
w=outer; g; echo "$w"
h() { local x=1; k; }
k() { echo "k sees $x"; }
h
