unset u; e=
echo ${u:-d1} ${e:-d2} "${e-d3}" ${u-d4}
echo ${u:+alt} ${e:+alt} "${e+set}"
echo ${n:=assigned} $n
