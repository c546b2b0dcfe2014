for l in "a:b:" "a:b::" "a:b: " "a:b :" "a::" "a:b:c:" "a:" "a: b : "; do
  printf "%s\n" "$l" | { IFS=": " read x y; echo "[$x][$y]"; }
  printf "%s\n" "$l" | { IFS=: read x y; echo "<$x><$y>"; }
  printf "%s\n" "$l" | { IFS=: read x; echo "{$x}"; }
done
