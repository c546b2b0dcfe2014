for glob in '*' '[' 'a[' '\*' '[[:alpha:]]' '[!a]*'; do
  case "$glob" in *) ;; esac
done
mkdir -p gl && cd gl && touch a b 'c d' .h
echo *; echo .*; echo [ab]; echo [!a]; echo '*'; echo \*; echo "*"
x='[ab]'; echo $x "$x"
y='\*'; echo $y
set -f; echo *; set +f
echo nomatch*; echo 'c d'*
cd ..
