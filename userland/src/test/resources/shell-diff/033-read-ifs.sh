echo 'a:b:c:d' | { IFS=: read x y z; echo "$x|$y|$z"; }
echo '  lead  trail  ' | { read v; echo "[$v]"; }
