HOME=/home/me
echo ~ ~/ ~/a:~/b
x=~:~/y
echo "$x"
y=a:~
echo $y
z=~/"quoted"
echo $z
w="~"/x
echo $w
for p in ~ "~" ~/a; do echo $p; done
case ~ in /home/me) echo case-ok;; esac
echo ${unset-~/default}
echo "${unset-~/default}"
v=${unset:-~}
echo $v
export q=a:~/b
echo $q
readonly r=~/r
echo $r
local_test() { local l=~/l; echo $l; }
local_test
