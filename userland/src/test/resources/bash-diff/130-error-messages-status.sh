nosuch_cmd_xyz 2>/dev/null; echo "notfound $?"
cd /nonexistent 2>/dev/null; echo "cd $?"
echo ${undefined_array[0]}x
declare -a arr; echo "${arr[5]:-none}"
false; echo "false $?"
set -o nosuchopt 2>/dev/null; echo "bad option $?"
shopt -s nosuchshopt 2>/dev/null; echo "bad shopt $?"
