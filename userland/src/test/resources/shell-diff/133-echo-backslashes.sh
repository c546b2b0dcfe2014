echo 'a\\b' "c\\\\d" e\\f
echo '\101\0101'
