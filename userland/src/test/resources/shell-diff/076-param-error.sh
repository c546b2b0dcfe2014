echo before
echo ${nothere:?custom message}
echo never
