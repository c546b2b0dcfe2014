for i in a b c; do printf '%s,' $i; done; echo
for i in; do echo never; done
for i in $(seq 3); do echo $i; done
