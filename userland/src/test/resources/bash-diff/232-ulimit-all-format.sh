# bash's ulimit -a layout (the values are the machine's: only the labels are compared)
ulimit -a | sed 's/) [^)]*$/)/'
ulimit -p
ulimit -p 4 2>/dev/null; echo "pipe size st=$?"
ulimit -Sa | wc -l
