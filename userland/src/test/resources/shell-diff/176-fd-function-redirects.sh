f() { echo "in f" >&3; cat <&4; }
echo data > d
f 3>&1 4<d
g() { echo g-out; }
g 3>x >&3
cat x
h() { echo h-err >&2; } 2>&1
h 2>/dev/null | tr a-z A-Z
