echo hello world
echo 'single  quoted'   "double  quoted"
echo a\ b c\\d
