set -e
true | false | true
echo after-pipe
false | true | false
echo never
