echo '$HOME' \$x "\$y"
echo $
echo 'a$'
