mkdir -p one two three
cd "$(pwd)"
base=$(pwd)
pushd one >/dev/null
pushd ../two >/dev/null
dirs -p | sed "s|$base|BASE|; s|$HOME|~|"
popd >/dev/null
echo "${PWD#$base}"
popd >/dev/null
echo "${PWD#$base}"
popd 2>/dev/null; echo "st=$?"
dirs -c
