printf 'echo from stdin\nx=5\necho $((x*2))\n' | bash
bash <<'EOS'
echo heredoc script
for i in 1 2; do echo $i; done
EOS
echo 'echo $0' | bash -s a b
echo 'echo "$1 $#"' | bash -s a b
