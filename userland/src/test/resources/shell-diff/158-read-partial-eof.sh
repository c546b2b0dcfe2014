printf 'partial' | { read v; echo "rc=$? v=$v"; }
printf '' | { read v; echo "rc=$? v=[$v]"; }
