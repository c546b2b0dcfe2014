exec 3>out
(echo sub >&3)
echo pipe | cat >&3
{ echo bg >&3; } &
wait
echo "$(echo cmdsub >&3)"
exec 3>&-
cat out
