echo "double $HOME-free" | sed "s|$HOME|H|"
echo 'single $HOME'
echo $'ansi\x20c'
echo "mixed 'single' in double"
echo 'mixed "double" in single'
echo "escaped \$dollar \"quote\" \\backslash \`tick\`"
echo $"locale string"
a="with  two  spaces"; echo $a; echo "$a"
echo ""''$''"" | od -c | head -1
