for w in apple banana cherry date 42; do
  case $w in
    a*) echo "$w starts with a";;
    b*|c*) echo "$w b or c";;
    [0-9]*) echo "$w number";;
    *) echo "$w other";;
  esac
done
