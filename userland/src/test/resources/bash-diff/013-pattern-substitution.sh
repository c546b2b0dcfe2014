s="hello world hello"
echo "${s/hello/bye}"
echo "${s//hello/bye}"
echo "${s/#hello/start}"
echo "${s/%hello/end}"
echo "${s/xyz/nope}"
echo "${s//o/}"
echo "${s/l*/L}"
echo "${s//[aeiou]/_}"
p=world
echo "${s/$p/there}"
path=/usr/local/bin:/usr/bin
echo "${path//:/ }"
echo "${s/hello/&&}"
