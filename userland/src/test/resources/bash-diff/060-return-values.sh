is_even() { (( $1 % 2 == 0 )); }
for n in 1 2 3 4; do is_even $n && echo "$n even" || echo "$n odd"; done
get() { echo "result"; return 3; }
v=$(get); echo "$v $?"
f() { return 300; }; f; echo $?
g() { return; }; false; g; echo $?
