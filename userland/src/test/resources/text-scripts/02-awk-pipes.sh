# awk output and input pipes, close(), system()
printf 'b 2\na 1\nc 3\n' > data.txt
awk '{ print $1 | "sort -r" } END { close("sort -r"); print "after sort" }' data.txt
awk 'BEGIN { while (("cat data.txt" | getline line) > 0) n++; close("cat data.txt"); print "lines", n }'
awk 'BEGIN { "echo one two" | getline; print $2, NF }'
awk 'BEGIN { "printf x" | getline v; print "[" v "]" }'
awk 'BEGIN { r = system("exit 3"); print "status", r; system("echo from system") }'
awk '{ print $2 > "nums.out" } END { close("nums.out"); while ((getline v < "nums.out") > 0) s += v; print "sum", s }' data.txt
awk 'BEGIN { print "to stderr" > "/dev/stderr"; print "kept" }'
awk 'BEGIN { cmd = "sort -n"; print 10 | cmd; print 9 | cmd; print 100 | cmd; close(cmd); print "sorted" }'
echo "a b c" | awk '{ $2 = ""; print; print NF }'
X=exported; export X
awk 'BEGIN { print ENVIRON["X"] }'
