echo 'echo "profile read"; PROFILED=yes' > "$HOME/.profile"
sh -l -c 'echo "login $PROFILED"; case $- in *l*) echo has-l;; *) echo no-l;; esac'
sh -c 'echo "not login ${PROFILED:-unset}"'
echo 'echo "env file read"' > envfile
ENV=$PWD/envfile sh -i -c 'case $- in *i*) echo interactive;; *) echo not-interactive;; esac' 2>/dev/null
ENV=$PWD/envfile sh -c 'case $- in *i*) echo interactive;; *) echo not-interactive;; esac'
sh -i -c 'set -o | grep -E "^(interactive|monitor) "' 2>/dev/null
sh -c 'set +o' | grep -E 'interactive|monitor'
echo 'echo "dot profile $0"' > "$HOME/.profile"
sh -l -c 'echo body' name
sh -i -c 'echo "$-"; (echo "sub $-"); echo "pipe $-" | cat; echo "cmdsub $(echo $-)"; set -o | grep "^interactive"' 2>/dev/null
