A=1 B=$A sh -c 'echo "B=$B"'
unset A B
A=x
A=y B=$A env | grep '^B='
C=1 D=$C
echo "D=$D"
VAR=x exec sh -c 'echo "exec sees VAR=$VAR"'
