set -o | grep -E '^(errexit|pipefail|nounset)' | tr -s ' \t' ' '
set -euo pipefail
set -o | grep -E '^(errexit|pipefail|nounset)' | tr -s ' \t' ' '
set +euo pipefail
echo $- | tr -d 'hBc'
shopt -p extglob nullglob
shopt -s extglob; shopt -p extglob
