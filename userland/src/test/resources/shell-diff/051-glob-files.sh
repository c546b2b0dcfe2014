touch_() { : > "$1"; }
touch_ a.txt; touch_ b.txt; touch_ c.log
echo *.txt
echo ?.log
echo [ab].*
for f in *.txt; do echo "file $f"; done
