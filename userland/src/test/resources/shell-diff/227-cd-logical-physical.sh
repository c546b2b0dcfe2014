cd /
cd /tmp || exit
echo "$PWD"
cd - 
echo "$OLDPWD"
mkdir -p /tmp/cdt/a/b && cd /tmp/cdt
ln -s a/b link 2>/dev/null
cd link && echo "$PWD" && cd .. && echo "$PWD"
cd -P link && pwd && pwd -P
cd /tmp/cdt
CDPATH=/tmp/cdt/a
cd b && echo "$PWD"
cd /tmp/cdt; unset CDPATH
cd nonexist 2>/dev/null; echo $?
cd ""; echo "empty $?"
HOME=/tmp/cdt cd && pwd
rm -rf /tmp/cdt
