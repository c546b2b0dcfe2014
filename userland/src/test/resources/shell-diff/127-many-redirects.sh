echo a 1>o1 2>o2
cat o1
cat o2 | wc -c
{ echo x; echo y >&2; } >o3 2>&1
cat o3
