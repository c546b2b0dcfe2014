readonly RO=1
RO=2 2>/dev/null
echo "after RO status"
