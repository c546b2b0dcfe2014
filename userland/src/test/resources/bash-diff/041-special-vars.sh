[[ -n $BASH_VERSION ]] && echo has-version
echo "${BASH_VERSINFO[0]}"
[[ $BASHPID =~ ^[0-9]+$ ]] && echo bashpid-num
[[ $BASHPID == $$ ]] && echo same-at-top
( [[ $BASHPID != $$ ]] && echo differs-in-subshell )
echo "$(( RANDOM >= 0 && RANDOM < 32768 ))"
RANDOM=42; a=$RANDOM; RANDOM=42; b=$RANDOM; [[ $a == $b ]] && echo seeded
[[ $SECONDS -ge 0 ]] && echo seconds
echo "$BASH_SUBSHELL $(echo $BASH_SUBSHELL)"
f() { echo "${FUNCNAME[0]} ${#FUNCNAME[@]}"; g; }
g() { echo "${FUNCNAME[@]}"; }
f
echo "${FUNCNAME[0]-none}"
