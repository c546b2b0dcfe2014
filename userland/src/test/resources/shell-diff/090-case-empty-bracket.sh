case '' in '') echo empty;; esac
for c in a x 5; do case $c in [!a-c]) echo "$c not a-c";; *) echo "$c in a-c";; esac; done
