set -e
f() { false; echo continued; }
f && echo and-ok
echo end
