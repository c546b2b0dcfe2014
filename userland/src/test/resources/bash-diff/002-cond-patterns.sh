f=report.txt
[[ $f == *.txt ]] && echo glob
[[ $f == "*.txt" ]] || echo quoted-literal
[[ $f == r?port.* ]] && echo question
[[ $f == [rs]eport* ]] && echo bracket
[[ $f != *.pdf ]] && echo notpdf
p='*.txt'
[[ $f == $p ]] && echo varpattern
[[ $f == "$p" ]] || echo quotedvar
[[ abc == a@(b|x)c ]] && echo extglob
[[ foo123 == +([a-z])+([0-9]) ]] && echo plus
