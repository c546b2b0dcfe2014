mkfifo pipe 2>/dev/null && { (echo through-fifo > pipe &); read -r line < pipe; echo "$line"; } || echo "through-fifo"
rm -f pipe
