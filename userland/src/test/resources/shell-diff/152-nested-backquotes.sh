echo `echo \`echo deep\``
echo "`echo 'q s'`"
