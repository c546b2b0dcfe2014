# editing files in place, as build scripts do
printf 'name=demo\nversion=1.2.3\n# comment\nport=8080\n' > app.conf
sed -i 's/^version=.*/version=1.2.4/' app.conf
sed -i.bak -e '/^#/d' -e 's/8080/9090/' app.conf
cat app.conf
echo "--"
cat app.conf.bak
echo "--"
sed -n '/^port=/{s/port=//;p}' app.conf
sed '$a last' app.conf | tail -n 2
printf 'one\ntwo\nthree\n' | sed -n '2{p;q}'
printf 'a,b;c\n' | sed 's/[,;]/\n/g'
printf 'x\n' | sed 'i\
before'
printf 'keep\ndrop\nkeep\n' | sed '/drop/w dropped.txt
/drop/d'
cat dropped.txt
version=$(sed -n 's/^version=//p' app.conf)
major=$(expr "$version" : '\([0-9]*\)')
minor=$(echo "$version" | awk -F. '{print $2}')
echo "major=$major minor=$minor next=$(expr "$minor" + 1)"
