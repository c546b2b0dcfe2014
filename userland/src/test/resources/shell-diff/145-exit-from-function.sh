f() { echo in-f; exit 6; echo never; }
f
echo never-either
