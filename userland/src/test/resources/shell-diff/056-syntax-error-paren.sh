echo ok
echo )
echo never
