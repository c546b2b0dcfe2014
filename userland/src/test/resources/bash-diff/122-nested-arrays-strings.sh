declare -A users=([alice]="admin,dev" [bob]="dev")
for u in alice bob; do
  IFS=, read -ra roles <<< "${users[$u]}"
  echo "$u: ${#roles[@]} roles (${roles[*]})"
done
list="x y z"
arr=($list)
echo "${arr[@]/#/-}"
echo "${arr[@]/%/.txt}"
