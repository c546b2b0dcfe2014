case b in a) echo a;; b) echo b;& c) echo c-fall;;& *) echo star;; esac
declare -n ref=target; target=1; ref=2; echo $target; unset -n ref
f() { local -n out=$1; out=(x y); }; f res; echo "${res[@]}"
v1=a v2=b; echo ${!v*}; for n in "${!v@}"; do echo $n; done
echo last; echo $_
set -- 1 2; shift 3 2>/dev/null; echo "shift $? $#"
arr=(); echo "${arr[@]:-default}" "${#arr[@]}"
u=; echo "${u:=set}" "$u"; echo "${w:?}" 2>/dev/null; echo after-q
echo "${nope:+alt}|${u:+alt}"
a=(1 2 3); echo ${a[-1]} ${a[@]: -1} ${a[*]:1:1}
unset 'a[-1]'; echo "${a[@]}"
s='x,y;z'; IFS=',;' read -r p q r <<< "$s"; echo "$p $q $r"
IFS=' ,' read -r p q <<< " a , b ,c"; echo "[$p][$q]"
printf '%q %q %q\n' "a b" $'t\tx' ''
printf '%(%Y)T\n' 0 | tr -d '\n' | wc -c
echo $(( 5 / 0 )) 2>/dev/null; echo "div $?"
echo $(( 2 ** -1 )) 2>/dev/null; echo "neg $?"
x=$(( 1 << 63 )); echo $x $(( x - 1 ))
f2() { return 300; }; f2; echo $?
(exit -1); echo $?
h() { echo "args $#: $*"; }; h "" "" ; h
declare -f h | head -1
type -t h echo ls if nosuch; echo "type $?"
command -v h
unset -f h; type -t h; echo "unset $?"
echo ${#@} ${#*}
x="  lead trail  "; y=${x#"${x%%[![:space:]]*}"}; echo "[${y%"${y##*[![:space:]]}"}]"
str=abcdef; echo ${str:(-3)} ${str:1:-1} ${str::2}
