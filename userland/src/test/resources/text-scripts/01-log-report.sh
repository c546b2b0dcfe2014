# log processing: extract, count and rank with sed, awk, sort and uniq -c
printf '%s\n' \
  '2024-01-01 10:00:01 INFO GET /index.html 200 12' \
  '2024-01-01 10:00:02 WARN GET /api/users 500 340' \
  '2024-01-01 10:00:03 INFO POST /api/users 201 80' \
  '2024-01-01 10:00:04 ERROR GET /api/orders 503 1200' \
  '2024-01-01 10:00:05 INFO GET /index.html 200 9' \
  '2024-01-01 10:00:06 INFO GET /api/users 200 45' > access.log
echo "== levels"
awk '{print $3}' access.log | sort | uniq -c | sort -rn
echo "== paths"
sed -n 's/.* \(GET\|POST\) \([^ ]*\) .*/\2/p' access.log | sort | uniq -c | sort -k1,1nr -k2
echo "== slow"
awk '$7 > 100 { printf "%-12s %6d ms\n", $5, $7 }' access.log
echo "== totals"
awk '{ n[$6 >= 500 ? "fail" : "ok"]++; t += $7 } END { print "ok=" n["ok"], "fail=" n["fail"], "avg=" t / NR }' access.log
grep -c ERROR access.log
egrep -c 'WARN|ERROR' access.log
fgrep -c '/api/' access.log
