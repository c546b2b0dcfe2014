for w in $(printf 'a b\nc\td'); do echo "[$w]"; done
set -- "$(printf 'a b\nc')"
echo $#
