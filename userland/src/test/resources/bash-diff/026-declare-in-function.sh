f() { declare d=inside; echo $d; declare -g gl=global; }
f
echo "[${d-unset}] $gl"
g() { typeset t=1; echo $t; }
g; echo "[${t-unset}]"
