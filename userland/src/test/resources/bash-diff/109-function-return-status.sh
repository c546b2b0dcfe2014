f() { local r; r=$(false); echo "local status $?"; }
f
g() { local x=$(false); echo "combined status $?"; }
g
h() { false; }
if h; then echo yes; else echo "no $?"; fi
k() { return 0; false; }; k; echo "k $?"
