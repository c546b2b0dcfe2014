echo "$(echo "inner \"quoted\" text")"
echo "a $(echo 'b c') d"
