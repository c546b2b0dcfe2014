f() { trap 'echo trapped-exit' EXIT; echo in-f; }
f
echo after-f
