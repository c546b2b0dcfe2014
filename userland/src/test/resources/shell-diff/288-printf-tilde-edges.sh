printf '%d %d %d %d\n' +0x10 010 "'A" '"B'
printf '%u\n' -1
printf '%x %o %X\n' 255 8 3054
printf '%5.2f|%-8.3f|%e\n' 3.14159 2.5 12345.678
printf '%#x %#o %#g\n' 255 8 1.5
printf '%s\n' -- 2>/dev/null; echo st=$?
printf -- '%s-%s\n' a b c
printf '%c%c\n' hello world
printf '%b\n' 'a\tb\0101' 'x\cy'
printf '%.3s|%5s|%-5s|\n' abcdef ab ab
printf '%d\n' 99999999999999999999 2>/dev/null; echo st=$?
printf '%d\n' abc 2>/dev/null; echo st=$?
printf '%d\n' 12abc 2>/dev/null; echo st=$?
printf '%i %d\n' ' 12' '-0x1f'
printf '\101\x41\n'
printf '%%|%5%|\n' 2>/dev/null; echo st=$?
printf '%s %s %s\n' 1 2
printf '%*d|%-*d|\n' 5 1 4 2
printf '%.*f\n' 2 3.14159
printf 'no newline'; echo
printf '%q\n' x 2>/dev/null; echo st=$?
HOME=/home/me; export HOME
a=~/x; echo $a
b=x:~/y:~; echo $b
echo ~ ~/z "~" ~-
c=~root; echo $c
echo ${u:-~} ${u:-~/q} "${u:-~}"
echo ~nosuchuser_zz
d=a~b; echo $d
set -- ~; echo $1
case ~ in /home/me) echo match;; esac
for f in ~ ~/a; do echo $f; done
PATH2=~/bin:~/sbin; echo $PATH2
x=~; y="~"; echo $x $y
echo $(echo ~)
