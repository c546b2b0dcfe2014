bash -i -c 'echo "${-/H/}"; (echo "sub ${-/H/}"); echo "pipe ${-/H/}" | cat; echo "cmdsub $(echo ${-/H/})"; shopt -o interactive-comments' 2>/dev/null
bash -c 'echo "$-"; (echo "sub $-")'
echo 'echo "env file $0"' > envfile
BASH_ENV=$PWD/envfile bash -c 'echo body' name
bash -c 'case $- in *i*) echo interactive;; *) echo not;; esac'
