echo *.nomatch
shopt -s nullglob
echo *.nomatch
for f in *.nomatch; do echo "never $f"; done
arr=(*.nomatch); echo "${#arr[@]}"
shopt -u nullglob
echo *.nomatch
shopt nullglob; echo "st=$?"
shopt -q nullglob || echo "quiet off"
