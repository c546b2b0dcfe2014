shopt -s nocasematch
[[ HELLO == hello ]] && echo cond
case ABC in abc) echo case;; esac
[[ FOO =~ foo ]] && echo regex
shopt -u nocasematch
[[ HELLO == hello ]] || echo sensitive
