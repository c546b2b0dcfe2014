trap 'echo "exit trap status $?"' EXIT
f() { return 3; }
f
(exit 4)
