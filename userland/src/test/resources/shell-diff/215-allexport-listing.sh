set -a
x=1
export -p | grep ' x='
set +a
y=2
export -p | grep ' y=' || echo y-not-exported
set -o allexport; z=3; set +o allexport; export -p | grep ' z='
echo $-
set -aeu; echo $-; set +aeu
set -v 2>/dev/null; set +v
echo done
