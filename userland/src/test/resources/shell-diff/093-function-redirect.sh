f() { echo in-f; } > fout.txt
f
cat fout.txt
g() { cat; }
echo piped | g
