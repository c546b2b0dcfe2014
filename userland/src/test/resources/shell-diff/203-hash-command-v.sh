command -v echo; echo st=$?
command -v nosuchcmd_xyz; echo st=$?
command -V nosuchcmd_xyz >/dev/null 2>&1; echo V=$?
command -v if; echo st=$?
f() { :; }
command -v f
hash nosuchcmd_xyz 2>/dev/null; echo hash=$?
hash -r; echo hr=$?
printf 'echo hi\n' > notexec.sh
./notexec.sh 2>/dev/null; echo noexec=$?
chmod +x notexec.sh
./notexec.sh; echo exec=$?
mkdir d
./d 2>/dev/null; echo dir=$?
./missing 2>/dev/null; echo missing=$?
nosuchcmd_xyz 2>/dev/null; echo nf=$?
type nosuchcmd_xyz >/dev/null 2>&1; echo type=$?
