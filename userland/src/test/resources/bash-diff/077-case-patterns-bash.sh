for arg in --help -v --file=x.txt pos 42; do
  case $arg in
    -h|--help) echo "help";;
    -v) echo "verbose";;
    --file=*) echo "file ${arg#*=}";;
    [0-9]*) echo "number $arg";;
    *) echo "positional $arg";;
  esac
done
shopt -s extglob
for f in a.tar.gz b.zip c.txt; do
  case $f in
    *.@(tar.gz|zip)) echo "archive $f";;
    *) echo "other $f";;
  esac
done
