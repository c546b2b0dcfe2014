touch a1 a2 b1 .hid
echo a*
echo [ab]1
echo ?2
echo *[0-9]
echo [!a]*
echo .h*
echo *.none
dir=.; echo "$dir"/a*
shopt -s nocaseglob; touch Upper; echo u*; shopt -u nocaseglob
