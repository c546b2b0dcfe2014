cat > sourced.sh <<'EOS'
echo "in sourced: $1 $#"
sv=from-sourced
return 3
echo not-here
EOS
. ./sourced.sh a b
echo "st=$? sv=$sv"
set -- p q r
. ./sourced.sh
echo "$#"
f() { . ./sourced.sh inner; echo "f after $?"; }
f
