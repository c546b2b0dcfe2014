for x in 1 2 stop 3; do
  case $x in
    stop) break;;
  esac
  echo $x
done
echo done
