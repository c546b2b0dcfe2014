set -e
shopt -s inherit_errexit
x=$(false; echo "should not print")
echo "x=[$x]"
