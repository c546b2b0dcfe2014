s=aaa; echo "${s//+(a)/x}" ${s//+(a)/x} "${s##*(a)}" "${s/@(a)/y}"
v='+(a)'; case aa in $v) echo ext;; *) echo lit;; esac; case '+(a)' in $v) echo self;; esac
[[ aa == +(a) ]] && echo cond
touch aa; p='+(a)'; echo $p; p='!(b)'; echo $p
shopt -s extglob
echo "${s//+(a)/x}" "${s##*(a)}"; case aa in $v) echo ext-on;; esac; echo $p
t=${s%%+(a)}; echo "[$t]"
shopt -u extglob
echo "${s//+(a)/x}"
