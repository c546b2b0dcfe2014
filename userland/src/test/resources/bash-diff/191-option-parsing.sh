#!/bin/bash
parse_args() {
  local verbose=0 output="" positional=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -v|--verbose) verbose=1; shift ;;
      -o|--output) output="$2"; shift 2 ;;
      --output=*) output="${1#*=}"; shift ;;
      --) shift; positional+=("$@"); break ;;
      -*) echo "unknown option: $1" >&2; return 2 ;;
      *) positional+=("$1"); shift ;;
    esac
  done
  echo "verbose=$verbose output=$output positional=${positional[*]:-} count=${#positional[@]}"
}
parse_args -v --output=file.txt a b -- -c d
parse_args -o out x
parse_args --bad 2>&1 || echo "status $?"
parse_args
