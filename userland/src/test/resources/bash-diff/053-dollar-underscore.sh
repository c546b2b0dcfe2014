echo one two three
echo $_
ls /nonexistent 2>/dev/null
true last-arg
echo "$_"
