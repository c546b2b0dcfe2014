big=$(seq 30000)
head -n 1 <<EOF
$big
EOF
echo "survived $?"
cat <<EOF | head -n 2
$big
EOF
echo "pipeline $?"
{ read a; read b; echo "$a $b"; sh -c 'read c; echo "$c"'; } <<EOF
$big
EOF
