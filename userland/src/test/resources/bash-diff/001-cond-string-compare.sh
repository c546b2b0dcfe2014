a=hello b=world
[[ $a == hello ]] && echo eq
[[ $a != $b ]] && echo ne
[[ $a < $b ]] && echo lt
[[ $b > $a ]] && echo gt
[[ -z "" && -n $a ]] && echo zn
[[ $a = "hello" ]]; echo $?
[[ $undefined == "" ]] && echo empty-unset
