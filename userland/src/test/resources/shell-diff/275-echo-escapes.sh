echo -n a; echo b
echo -e 'x\ty'
echo 'a\tb\nc'
echo 'stop\chere'; echo after
echo '\0101\060'
echo -- -n
echo -nn x; echo
echo '\\' '\a' | od -An -c | tr -s ' '
