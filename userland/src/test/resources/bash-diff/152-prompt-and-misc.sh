PS1='\u@\h:\w\$ '
[[ -n $PS1 ]] && echo ps1-set
PS4='+> '
set -x; : traced; set +x
declare -f nosuchfn; echo "st=$?"
type -a true | head -n 1
echo "${!BASH*}" | tr ' ' '\n' | grep -c BASH_VERSION
