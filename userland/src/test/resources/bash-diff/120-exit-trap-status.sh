trap 'echo "trap sees $?"' EXIT
f() { return 3; }
f
exit
