mapfile -t lines <<'EOF'
one
two
three
EOF
echo ${#lines[@]} "${lines[1]}"
readarray -t -s 1 -n 1 sub < <(printf '%s\n' a b c); echo "${sub[@]}"
read -r -a parts <<< "x y  z"; echo ${#parts[@]} ${parts[2]}
IFS=, read -r -a csv <<< "1,2,,4"; echo ${#csv[@]} "[${csv[2]}]"
printf -v out '%05d-%s' 42 abc; echo $out
printf '%s\n' "${lines[@]}" | while IFS= read -r l; do echo "<$l>"; done
while read -r -d '' f; do echo "nul:$f"; done < <(printf 'a\0b c\0')
arr=(); arr+=(x); arr+=("y z"); echo ${#arr[@]}; unset 'arr[0]'; echo ${#arr[@]} ${!arr[@]}
sparse=([3]=c [1]=a); echo ${!sparse[@]} "${sparse[@]}"
