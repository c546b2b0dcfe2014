echo before
echo $(if)
echo never
