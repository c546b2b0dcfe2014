v='a*b.c'; echo ${v#'a*'} ${v#a\*} ${v%'.c'} "${v#"a*"}"
p='*'; echo ${v#$p} ${v#"$p"}
set -- 1 2 3 4 5 6 7 8 9 10 11; echo ${##1} ${#} ${##} ${#-}
x=hello; echo ${x%%l*} ${x%l*} ${x##*l} ${x#*l}
y='a\b'; echo ${y#a\\} "${y#'a\'}"
z='[x]'; echo ${z#[} ${z#'['} ${z%]}
echo ${x#} ${x%}
w=aaa; echo ${w#a*} ${w##a*}x
touch 'a\b' ab 'a*' ax
v='a\b'; echo $v
v='a\*'; echo $v
v='a\x'; echo $v
v='\a*'; echo $v
v='a?'; echo "$v" $v
v='[a]x'; echo $v
set -f; v='a*'; echo $v; set +f
case 'a\b' in $v) echo m1;; *) echo n1;; esac
p='a\*'; case 'a*' in $p) echo m2;; esac; case 'ab' in $p) echo m3;; *) echo n3;; esac
