trap 'echo exit trap $?' EXIT
trap 'echo int' INT
trap 'echo hup' 1
trap -p 2>/dev/null || echo no-p
trap '' 2
trap
trap 2 1
trap
f() { trap 'echo in-f-exit' EXIT; }
f
(trap 'echo sub-exit' EXIT; echo in-sub)
x=$(trap 'echo cs-exit' EXIT; echo val)
echo "x=$x"
trap - EXIT
trap 'echo final' 0
exit 3
