export TZ=UTC
printf '%(%Y-%m-%d %H:%M:%S)T\n' 0
printf '%(%F %T)T\n' 86400
printf '%(%j %a %b)T\n' 1000000000
printf -v d '%(%Y)T' 1700000000; echo "$d"
