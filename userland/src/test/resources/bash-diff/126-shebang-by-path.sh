printf '#!/bin/bash\necho "bash ${BASH_VERSINFO[0]:-none}"\narr=(a b); echo "${#arr[@]}"\n' > b.sh
printf '#!/usr/bin/env bash\n[[ 1 == 1 ]] && echo env-bash\n' > e.sh
printf '#!/bin/sh\necho "sh ${BASH_VERSION:-posix}"\n' > s.sh
printf 'echo no shebang $#\n' > n.sh
chmod +x b.sh e.sh s.sh n.sh
./b.sh
./e.sh
./s.sh | sed 's/sh 5.*/sh posix/'
./n.sh x y
bash b.sh
