version=1.2.3
IFS=. read -r major minor patch <<< "$version"
echo "$major|$minor|$patch"
next="$major.$((minor + 1)).0"
echo "$next"
arr=(${version//./ })
echo "${#arr[@]} ${arr[2]}"
printf -v padded '%03d' "$patch"
echo "$padded"
semver_lt() { [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -t. -k1,1n -k2,2n -k3,3n | head -n1)" == "$1" ]]; }
semver_lt 1.2.3 1.10.0 && echo "1.2.3 < 1.10.0"
