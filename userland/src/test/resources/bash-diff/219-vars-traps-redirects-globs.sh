f() { echo "${FUNCNAME[0]} ${FUNCNAME[1]-main} $# ${BASH_SOURCE[0]-none}"; }; f a b
g() { f; }; g
echo "${BASH_VERSION%%.*} ${BASH_VERSINFO[0]}"
[[ $BASHPID == $$ ]] && echo samepid; (( $(echo $BASHPID) != $$ )) && echo subpid
true | false | true; echo "${PIPESTATUS[@]}"
false | true; echo "${PIPESTATUS[0]} ${PIPESTATUS[1]}"
set -o pipefail; false | true; echo "pf $?"; set +o pipefail
RANDOM=42; a=$RANDOM; RANDOM=42; b=$RANDOM; [[ $a == $b ]] && echo seeded
SECONDS=100; (( SECONDS >= 100 )) && echo seconds
trap 'echo "err $? at ${LINENO}"' ERR; false; trap - ERR
h() { trap 'echo ret-trap' RETURN; return 3; }; h; echo "h $?"; trap - RETURN
trap 'echo dbg' DEBUG; :; trap - DEBUG
echo both &> out.txt; cat out.txt; echo app &>> out.txt; cat out.txt
{ echo o; echo e >&2; } |& cat
{ echo o2; echo e2 >&2; } 2>&1 >/dev/null | cat
pushd /tmp >/dev/null; pushd / >/dev/null; dirs -l | wc -w; popd >/dev/null; pwd; popd >/dev/null
dirs -c; dirs | wc -w
function k { local x=inner; echo $x; }; x=outer; k; echo $x
declare -r ro=1; ro=2 2>/dev/null; echo "ro $?"
declare -l lo=ABC; declare -u up=abc; echo $lo $up
declare -x ex=1; bash -c 'echo "ex=$ex"'
typeset -i ti=2*3; echo $ti
readonly -a ra=(1 2); ra[0]=5 2>/dev/null; echo "${ra[@]}"
echo "source" > s.sh; echo 'echo "sourced $1"' > s.sh; source ./s.sh arg; . ./s.sh arg2
shopt -s nullglob; echo none*; echo "[$(echo none*)]"; shopt -u nullglob
shopt -s failglob; echo none* 2>/dev/null; echo "fg $?"; shopt -u failglob
mkdir -p g/h; touch g/h/x.txt g/.hid; shopt -s globstar; echo g/**/*.txt; shopt -u globstar
shopt -s dotglob; echo g/*; shopt -u dotglob; echo g/*
shopt -s extglob; echo g/h/!(y).txt; x=aaab; echo ${x##+(a)}; shopt -u extglob
