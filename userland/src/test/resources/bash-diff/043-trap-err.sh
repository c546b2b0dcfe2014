trap 'echo "ERR at status $?"' ERR
false
true
ls /nonexistent 2>/dev/null
f() { false; echo "in f after false"; }
f
if false; then :; fi
false || true
echo done
