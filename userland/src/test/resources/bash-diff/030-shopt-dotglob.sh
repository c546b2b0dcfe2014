touch .hidden visible
echo *
shopt -s dotglob
echo *
shopt -u dotglob
echo .*
