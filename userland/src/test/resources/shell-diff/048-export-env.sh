export EXPORTED=yes
NOTEXP=no
sh -c 'echo "[$EXPORTED][$NOTEXP]"'
TEMP=t sh -c 'echo "[$TEMP]"'
echo "[$TEMP]"
