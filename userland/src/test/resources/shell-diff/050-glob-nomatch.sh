echo *.nomatch
echo 'no*glob' "no?glob"
