unset x
echo ${x:-$(echo from-sub)}
echo "${x:-"quoted default"}"
echo ${x:-'single q'}
