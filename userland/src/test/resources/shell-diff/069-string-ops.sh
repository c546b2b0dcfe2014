s=hello.world.txt
echo ${s%.*} ${s#*.} ${#s}
f=${s%%.*}; echo $f
