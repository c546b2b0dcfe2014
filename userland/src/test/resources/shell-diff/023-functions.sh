greet() { echo "hello $1"; }
greet world
count() { echo $#; }
count a b c
count
r() { return 3; }
r; echo $?
