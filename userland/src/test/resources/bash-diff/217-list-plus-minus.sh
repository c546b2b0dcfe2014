set --; printf "[%s]" "${@+set}" "${@-def}" "${@:-d2}" "${@:+alt}" "${*+s}" "${*-d}" "${*:+a}" ${@:-d}; echo
set -- "" ""; printf "[%s]" "${@:+alt}" "${@:-d}" "${*:+a}"; echo
set -- ""; printf "[%s]" "${@:+alt}" "${@:-d}" "${*:+a}" "${*:-d}"; echo
set -- 1 2; printf "[%s]" "${@+set}" "${@-d}" "x${@+s}y"; echo
a=(); printf "[%s]" "${a[@]+set}" "${a[@]-def}" "${a[*]+s}" "${a[@]:+alt}" "x${a[@]+set}" x${a[@]+set}y; echo
a=("" ""); printf "[%s]" "${a[@]:+alt}" "${a[@]:-d}"; echo
a=(x); printf "[%s]" "${a[@]+set}" "x${a[@]+set}y" "${a[@]:+alt}"; echo
declare -a e=(); echo "${e[@]+set}" "${#e[@]}"
unset u; printf "[%s]" "${u+set}" "${u-d}" "${u:+a}"; echo
