parse() {
  local OPTIND opt
  while getopts ":vf:o:" opt; do
    case $opt in
      v) echo verbose;;
      f) echo "file=$OPTARG";;
      o) echo "out=$OPTARG";;
      :) echo "missing arg for -$OPTARG";;
      \?) echo "unknown -$OPTARG";;
    esac
  done
  shift $((OPTIND-1))
  echo "args: $*"
}
parse -v -f in.txt -o out.txt a b
parse -x -f
parse -vf x -- -o y
