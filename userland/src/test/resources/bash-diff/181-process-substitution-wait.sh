cat <(echo a) <(echo b)
diff <(printf '1\n2\n') <(printf '1\n3\n') | head -2
echo data > >(cat | tr a-z A-Z); wait
{ echo out; echo err >&2; } &> /dev/null; echo "silent"
{ echo out2; echo err2 >&2; } 2>&1 | sort
{ echo x; echo y >&2; } |& cat
exec {fd}>/tmp/fdtest.$$; echo hello >&$fd; exec {fd}>&-; cat /tmp/fdtest.$$; rm /tmp/fdtest.$$
cat <<< "here $((1+1))"
tr a-z A-Z <<< word
