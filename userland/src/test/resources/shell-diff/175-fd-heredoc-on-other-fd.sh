cat <&5 5<<EOF
order matters: 5 is not open yet
EOF
echo "status $?"
cat 5<<EOF <&5
five
EOF
sh -c 'cat <&6' 6<<'EOF'
six $HOME
EOF
x=seven
{ read v <&7; echo "$v"; } 7<<EOF
$x
EOF
