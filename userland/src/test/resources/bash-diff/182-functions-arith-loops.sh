function f { local x=inner; echo $x; }
x=outer; f; echo $x
function g() { echo g-called; }; g
h() { local -a arr=(1 2); local -A m=([k]=v); echo ${arr[1]} ${m[k]}; }; h
cnt() { local i; for ((i=0; i<3; i++)); do echo -n $i; done; echo; }; cnt
for ((i=10, j=0; i>j; i-=3, j++)); do echo -n "$i:$j "; done; echo
for ((;;)); do break; done; echo infinite-broken
k=0; while ((k < 3)); do ((k++)); done; echo $k
until [[ $k -eq 0 ]]; do ((k--)); done; echo $k
select_none=1; echo $select_none
declare -f f | head -1
unset -f g; type g 2>/dev/null || echo g-gone
