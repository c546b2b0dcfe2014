set -e
if ( false; echo in-sub ); then echo then; else echo else; fi
( false ) || echo or-branch
! ( false )
echo survived
f() { false; echo f-continues; }
if f; then echo f-true; fi
f || true
echo end
x=$(false; echo cmdsub-continues) 
echo "x=$x"
