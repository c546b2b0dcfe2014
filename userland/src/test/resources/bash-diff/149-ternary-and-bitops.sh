flags=0
(( flags |= 1 << 2 ))
(( flags |= 1 << 0 ))
echo $flags
(( flags & 4 )) && echo "bit 2 set"
(( flags & 2 )) || echo "bit 1 clear"
(( flags ^= 1 )); echo $flags
echo $(( flags > 3 ? flags << 1 : 0 ))
