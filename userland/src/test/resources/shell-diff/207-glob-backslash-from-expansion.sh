touch 'a*b' axb 'a\b'
v='a\*b'
for f in $v; do echo "[$f]"; done
v2='a\xb'
for f in $v2; do echo "[$f]"; done
v3='a?b'
for f in $v3; do echo "[$f]"; done | sort
q='\a'
case a in $q) echo matched-escaped;; *) echo no;; esac
case 'a\b' in 'a\b') echo lit;; esac
b='\'
echo $b
s='x\'
echo $s
