start=$PWD
mkdir -p cdp/one/two; CDPATH=$PWD/cdp; cd one | sed 's,.*/cdp/,CDP/,'; cd one >/dev/null; pwd | sed 's,.*/cdp/,CDP/,'
cd - >/dev/null; [ "$PWD" = "$start" ] && echo back; [ "$OLDPWD" = "$start/cdp/one" ] && echo oldpwd
unset CDPATH; cd -- cdp/one && pwd | sed 's,.*/,,'
cd -P .. && cd "$OLDPWD" && pwd | sed 's,.*/,,'
cd /nonexistent 2>/dev/null; echo "st $?"
cd "" 2>/dev/null; echo "empty st $?"
