declare -A person=([name]="Ada" [lang]="bash" [year]=1843)
json="{"
first=1
for key in name lang year; do
  (( first )) || json+=", "
  first=0
  v=${person[$key]}
  if [[ $v =~ ^[0-9]+$ ]]; then json+="\"$key\": $v"; else json+="\"$key\": \"$v\""; fi
done
json+="}"
echo "$json"
