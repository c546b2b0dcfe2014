echo one | read v; echo "[${v-}]"
shopt -s lastpipe
echo two | read v; echo "[$v]"
printf 'a\nb\n' | while read l; do last=$l; done; echo "last=$last"
echo x | { read y; }; echo "y=$y"
false | true; echo "${PIPESTATUS[@]}"
