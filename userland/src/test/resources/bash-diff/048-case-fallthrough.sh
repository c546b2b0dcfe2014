for x in a b c; do
  case $x in
    a) echo "a";&
    b) echo "a or b";;
    c) echo "c";;&
    *) echo "any after c";;
  esac
done
case yes in
  y*) echo first;;&
  *s) echo second;;&
  n*) echo never;;
  *) echo last;;
esac
