set -e
echo start
false || echo handled
if false; then echo no; fi
false
echo never
