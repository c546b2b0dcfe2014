echo -e 'a\tb'
echo -E 'a\tb'
echo 'a\tb'
echo -n no-newline; echo
echo -ne 'x\ny\n'
echo -e '\x41\101'
echo -- -n
echo -e 'stop\c here'
echo
echo -en '\e' | od -An -c
