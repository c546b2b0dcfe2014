set -e
(false) || echo recovered
false && echo no
echo end
