unset u; e=""
echo "${u-unset} ${e-unset} ${u:-empty} ${e:-empty}"
echo "${u+set} ${e+set} ${u:+nonempty} ${e:+nonempty}|"
echo "${u:=assigned} $u"
f() { local v=${1:?need an argument}; echo "$v"; }
f ok
(f) 2>/dev/null || echo "error status $?"
arr=(); echo "${arr[@]:-default-arr}"
n=5; echo "${n:-x}" "${missing:-$n}"
