umask 022
umask
umask -S
umask u=rwx,g=rx,o=
umask
umask g+w
umask
umask o+r,g-x
umask
umask a-w
umask -S
umask a=
umask
umask u+rwx
umask -S
umask 0777
umask -S
umask =rx
umask
umask go-rwx
umask
umask 077; umask +x; umask
umask 022; umask -S u=rw; umask
umask 8 2>/dev/null; echo st=$?
umask u+q 2>/dev/null; echo st=$?
umask 022
