shopt -s failglob
echo *.nothere
echo "after $?"
echo literal
