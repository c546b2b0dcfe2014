declare -a a=(1 "two words")
declare -p a
declare -A m=([key]="va\"l")
declare -p m
declare -i n=42
declare -p n
x="a \$b \`c\` \\d"
declare -p x
declare -r ro=1
declare -p ro
declare -x ex=e
declare -p ex
declare z
declare -p z
nl=$'1\n2'
declare -p nl
