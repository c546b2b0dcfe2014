x=global
f() {
  local x=local
  echo "in f: $x"
  g
}
g() { echo "in g: $x"; }
f
echo "after: $x"
h() { local y; echo "[${y-unset}]"; y=set; echo "$y"; }
h
echo "[${y-unset}]"
k() { local -a arr=(1 2 3); echo "${#arr[@]}"; local -i n=2+3; echo $n; }
k
m() { local v=1; local v=2; echo $v; }
m
