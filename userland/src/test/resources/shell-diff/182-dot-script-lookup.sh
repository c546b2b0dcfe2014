echo 'echo sourced; x=set' > s.sh
. ./s.sh
echo "x=$x"
mkdir dir
. ./dir
echo "dir status $?"
. ./nosuch_script
echo never
