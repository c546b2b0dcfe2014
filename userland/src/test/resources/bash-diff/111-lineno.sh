echo "line $LINENO"
f() {
  echo "in f $LINENO"
}
f
echo "$(echo $LINENO)"
if true; then
  echo "if $LINENO"
fi
( echo "sub $LINENO" )
for i in 1; do echo "for $LINENO"; done
echo a \
  $LINENO
g() {
  echo "g1 $LINENO"
  echo "g2 $LINENO"
}
g
