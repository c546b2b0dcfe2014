RANDOM=1
echo $RANDOM $RANDOM $RANDOM
RANDOM=12345
for i in 1 2 3 4 5; do echo -n "$RANDOM "; done; echo
