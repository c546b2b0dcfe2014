umask 022; umask a-w; umask; umask -S
umask 022; umask g+w,o-r; umask
umask 077; umask u=rwx,go=; umask -S
umask 022; umask a=rx,u+w; umask
umask 022; umask o+x; umask
umask 0; umask -S
umask 777; umask -S; umask
umask 022; umask ug=r; umask
umask 022; umask +w 2>/dev/null; umask
umask 022; umask u=g; umask
