f() { echo "f $1"; }
f() { echo "redefined $1"; }
f a
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }
fact 6
count() { n=$1; [ $n -gt 0 ] && { echo $n; count $((n-1)); }; }
count 3
unset -f f
f 2>/dev/null || echo "f gone"
g() ( echo "subshell body"; x=changed ); x=orig; g; echo $x
h() { return; }; false; h; echo "h st=$?"
