a=(apple banana cherry)
echo "${a[@]/a/A}"
echo "${a[@]//a/A}"
echo "${a[@]^}"
echo "${a[@]^^}"
echo "${a[@]#*a}"
echo "${a[@]%a*}"
echo "${#a[1]}"
unset 'a[1]'
echo "${a[@]} ${#a[@]} ${!a[@]}"
a=("${a[@]}")
echo "${!a[@]}"
