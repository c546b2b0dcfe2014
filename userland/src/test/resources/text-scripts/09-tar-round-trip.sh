# archives: a tar round trip, compressed and not, compared with diff -r and cmp
mkdir -p src/sub
printf 'alpha\nbeta\n' > src/a.txt
printf 'nested\n' > src/sub/b.txt
seq 1 500 > src/sub/numbers.txt
tar -cf plain.tar src
tar -tf plain.tar | sort
mkdir out1
tar -xf plain.tar -C out1
diff -r src out1/src && echo "plain round trip ok"
tar -czf packed.tgz -C src .
mkdir out2
tar -xzf packed.tgz -C out2
diff -r src out2 && echo "gzip round trip ok"
tar -tzf packed.tgz | sort
cat plain.tar | tar -tf - | wc -l
tar -cf - src/a.txt | tar -xOf - src/a.txt
gzip -c src/sub/numbers.txt > numbers.gz
gunzip -c numbers.gz | cmp - src/sub/numbers.txt && echo "gzip stream ok"
zcat numbers.gz | tail -n 1
gzip -k src/a.txt && ls src
gunzip -f src/a.txt.gz && cat src/a.txt
tar -xf plain.tar -C out1 src/sub/b.txt && cat out1/src/sub/b.txt
tar -tf missing.tar 2>/dev/null; echo "missing archive: $?"
