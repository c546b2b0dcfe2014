ext=txt
for f in a.txt b.log c.txt; do case $f in *.$ext) echo "match $f";; esac; done
p='*.log'
for f in a.txt b.log; do case $f in $p) echo "var-pattern $f";; esac; done
