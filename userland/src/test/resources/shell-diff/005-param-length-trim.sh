p=/usr/local/lib/file.tar.gz
echo ${#p}
echo ${p%.*} ${p%%.*}
echo ${p#*/} ${p##*/}
x=aaa; echo ${x#a} ${x##a*} ${x%a} ${x%%a*}end
