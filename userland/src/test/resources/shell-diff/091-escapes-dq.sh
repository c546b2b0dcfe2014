echo "\$ \` \\ \a \""
echo \$\{x\}
echo 'a'"b"c
