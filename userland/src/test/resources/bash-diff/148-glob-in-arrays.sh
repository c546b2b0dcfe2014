touch f1.log f2.log f3.txt
logs=(*.log)
echo "${#logs[@]} ${logs[*]}"
all=(f*)
echo "${all[@]}"
none=(*.zzz)
echo "${none[@]}"
shopt -s nullglob; none=(*.zzz); echo "${#none[@]}"
