set --; printf "[%s]" "${@+set}" "${@-def}" "${@:-d2}" "${@:+alt}" "${*+s}" "${*-d}" "${*:+a}" ${@:-d}; echo
set -- "" ""; printf "[%s]" "${@:+alt}" "${@:-d}" "${*:+a}"; echo
set -- ""; printf "[%s]" "${@:+alt}" "${@:-d}" "${*:+a}" "${*:-d}"; echo
set -- 1 2; printf "[%s]" "${@+set}" "${@-d}" "x${@+s}y"; echo
