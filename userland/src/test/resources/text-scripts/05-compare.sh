# comparing files: diff and cmp in conditions
printf 'a\nb\nc\nd\n' > one.txt
printf 'a\nB\nc\nd\ne\n' > two.txt
cp one.txt same.txt
if cmp -s one.txt same.txt; then echo same; fi
if ! cmp -s one.txt two.txt; then echo differ; fi
cmp one.txt two.txt; echo "cmp $?"
diff one.txt two.txt; echo "diff $?"
diff -u --label old --label new one.txt two.txt
diff -q one.txt two.txt; echo "q $?"
diff one.txt same.txt && echo identical
mkdir -p d1 d2; echo x > d1/f; echo y > d2/f; echo z > d1/only
diff -r d1 d2; echo "r $?"
diff -c --label A --label B one.txt two.txt | head -n 4
