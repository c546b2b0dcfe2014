set -a
A=1
B=two
sh -c 'echo "A=$A B=$B"'
set +a
C=3
sh -c 'echo "C=${C-unset}"'
echo "$-" | grep -q a && echo has-a || echo no-a
set -o allexport
case $- in *a*) echo a-on;; esac
set +o allexport
f() { D=4; }
set -a; f; set +a
sh -c 'echo "D=$D"'
set -a; read E <<EOT
five
EOT
set +a
sh -c 'echo "E=$E"'
