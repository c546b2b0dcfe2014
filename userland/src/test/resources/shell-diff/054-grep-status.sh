printf 'one\ntwo\n' | grep two; echo $?
printf 'one\n' | grep three; echo $?
