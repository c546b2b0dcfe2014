x='a b'; export x; export -p | grep ' x='
readonly r='it'"'"'s'; readonly -p | grep ' r='
f() { echo f; }; type f | head -1
type echo cd 2>&1
command -V true; command -V f | head -1
type nosuchcmd; echo "st $?"
command -v nosuchcmd; echo "st $?"
alias ll='ls -l'; command -v ll; type ll
command -v if; type if; type '[' 
