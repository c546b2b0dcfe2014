{ exec >exec-out.txt; echo inside; } 2>/dev/null
echo after-group
exec >&2
cat exec-out.txt >&2
