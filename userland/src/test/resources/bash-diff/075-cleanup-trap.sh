tmp=$(mktemp -d 2>/dev/null || echo /tmp/fallback.$$)
mkdir -p "$tmp"
cleanup() { rm -rf "$tmp"; echo "cleaned"; }
trap cleanup EXIT
echo work > "$tmp/file"
cat "$tmp/file"
exit 0
