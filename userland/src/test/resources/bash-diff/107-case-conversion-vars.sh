declare -u up; up="mixed Case"; echo "$up"
declare -l low; low="MIXED Case"; echo "$low"
declare -u first=abc; first+=def; echo $first
declare -i num; num="3 * 4"; echo $num
num=abc; echo "[$num]"
