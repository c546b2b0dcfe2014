exec 5>out5
echo to5 >&5
( echo sub5 >&5 )
{ echo grp5 >&5; } 
echo pipe5 >&5 | cat
exec 5>&-
cat out5
exec 6<out5
read a <&6; read b <&6
echo "$a/$b"
exec 6<&-
echo x >&6 2>/dev/null || echo closed
exec 7>&1
exec 1>/dev/null
echo hidden
exec 1>&7 7>&-
echo visible
exec 3<&0 0</dev/null
read z; echo "z=[$z] $?"
exec 0<&3 3<&-
echo done
