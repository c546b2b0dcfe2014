! false && echo negated
if ! grep -q x /dev/null; then echo no-match; fi
