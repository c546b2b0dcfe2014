echo "$(echo "$(echo a   b)")"
echo $(echo "$(echo c   d)")
