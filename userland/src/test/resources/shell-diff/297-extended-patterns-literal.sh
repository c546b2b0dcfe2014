s=aaa; echo "${s##+(a)}" "${s%*(a)}"
v='+(a)'; case aa in $v) echo ext;; *) echo lit;; esac; case '+(a)' in $v) echo self;; esac
touch aa; p='!(b)'; echo $p; p='@(a)a'; echo $p
