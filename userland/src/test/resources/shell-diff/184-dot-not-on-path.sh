echo 'echo sourced' > s.sh
. s.sh
echo never
