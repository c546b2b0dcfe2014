declare -g GLOBAL=1
setup() { declare -g CONFIG_DIR="/etc/app"; local tmp="x"; }
setup
echo "$CONFIG_DIR ${tmp-unset}"
counter() { declare -gi COUNT; COUNT+=1; }
counter; counter; echo $COUNT
f() { local -r r=1; r=2 2>/dev/null || echo "readonly local"; }
f
