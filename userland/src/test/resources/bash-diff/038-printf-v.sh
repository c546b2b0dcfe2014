printf -v out "%05d" 42
echo "$out"
printf -v arr[2] "%s-%s" a b
echo "${arr[2]}"
printf -v x '%s' "one two"
echo "$x"
printf '%q\n' "a b" "it's" '$var' 'tab	x'
printf '%s\n' "${PIPESTATUS[@]}" >/dev/null
printf '%(%Y)T\n' 0 | tr -d '\n'; echo
