s=abc
s+=def
echo $s
n=1
n+=2
echo $n
declare -i i=1
i+=2
echo $i
a=(x)
a+=(y z)
echo "${a[@]}"
a[0]+=X
echo "${a[0]}"
