echo 'tab\there'
echo -n 'no newline'
echo
echo 'stop\chere' after
