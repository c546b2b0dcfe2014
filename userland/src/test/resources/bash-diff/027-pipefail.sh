false | true; echo "default $?"
set -o pipefail
false | true; echo "pipefail $?"
true | exit 3 | true; echo "middle $?"
true | true; echo "ok $?"
set +o pipefail
false | true; echo "off $?"
(exit 2) | (exit 3) | (exit 0); echo "${PIPESTATUS[@]}"
true | false; echo "${PIPESTATUS[0]} ${PIPESTATUS[1]}"
