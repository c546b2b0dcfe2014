printf 'one\ntwo\n' > in
{ cat <&4; } 4<in
{ read a <&4; read b <&4; echo "$b-$a"; } 4<in
sh -c 'cat <&4' 4<in
