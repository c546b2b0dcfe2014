set -- -a -b arg c
while getopts ab: opt; do echo "opt=$opt OPTARG=${OPTARG-unset} OPTIND=$OPTIND"; done
echo "end OPTIND=$OPTIND opt=$opt"
set -- -x -y
OPTIND=1
while getopts xy opt; do echo "opt=$opt OPTARG=${OPTARG-unset}"; done
OPTIND=1
set -- -q
getopts ab opt 2>/dev/null; echo "st=$? opt=$opt OPTARG=${OPTARG-unset}"
OPTIND=1
getopts :ab opt; echo "st=$? opt=$opt OPTARG=${OPTARG-unset}"
OPTIND=1
set -- -b
getopts :b: opt; echo "st=$? opt=$opt OPTARG=${OPTARG-unset}"
OPTIND=1
getopts b: opt 2>/dev/null; echo "st=$? opt=$opt OPTARG=${OPTARG-unset}"
OPTIND=1
set -- -ab -c val rest
while getopts abc: o; do echo "$o ${OPTARG-}"; done
shift $((OPTIND-1)); echo "rest=$*"
OPTIND=1
set -- -a
getopts a opt; set -- -b; getopts ab opt; echo "after set -- : st=$? opt=$opt OPTIND=$OPTIND"
f() { local OPTIND=1; while getopts z o "$@"; do echo "f:$o"; done; }
f -z -z
getopts a opt -a -a; echo "explicit: $opt $OPTIND"
