while getopts ":ab:" o -a -b val -z -b; do
  case $o in
    a) echo a;;
    b) echo "b $OPTARG";;
    \?) echo "unknown $OPTARG";;
    :) echo "needs arg $OPTARG";;
  esac
done
echo "OPTIND=$OPTIND"
