export A=1
B=2
export B
bash -c 'echo "$A $B"'
export -n A
bash -c 'echo "[${A-}]"'
C=3 bash -c 'echo $C'
echo "[${C-}]"
