exec 3>&1
echo to-three >&3
echo normal
