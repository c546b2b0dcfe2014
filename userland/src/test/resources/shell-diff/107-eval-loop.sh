for v in a b; do eval "var_$v=\$v"; done
echo $var_a $var_b
