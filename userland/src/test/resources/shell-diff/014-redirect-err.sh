{ echo to-err >&2; echo to-out; } 2>/dev/null
{ echo merged >&2; } 2>&1 | tr a-z A-Z
