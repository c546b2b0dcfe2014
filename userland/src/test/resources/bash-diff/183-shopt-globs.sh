shopt -s nullglob; set -- /nonexistent/*; echo $#; shopt -u nullglob
set -- /nonexistent/*; echo $#
mkdir -p /tmp/gl$$/a/b && touch /tmp/gl$$/a/b/f.txt /tmp/gl$$/a/g.txt /tmp/gl$$/.hidden
cd /tmp/gl$$
shopt -s globstar; echo **/*.txt; shopt -u globstar
echo *; shopt -s dotglob; echo *; shopt -u dotglob
shopt -s failglob; echo nomatch* 2>/dev/null; echo "fg $?"; shopt -u failglob
shopt -q extglob && echo ext-on || echo ext-off
shopt -p nullglob
cd /; rm -rf /tmp/gl$$
