echo $(( 1 / 0 ))
echo "next line runs"
(( x = 5 / 0 )); echo "status $?"
echo $(( 08 ))
echo after
let "y = 1 +"
echo "let status $?"
