while :; do echo y; done | head -n 2
echo status $?
i=0; while [ $i -lt 100000 ]; do echo $i; i=$((i+1)); done | head -n 1
