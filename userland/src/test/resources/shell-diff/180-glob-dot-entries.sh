mkdir g
cd g
touch .h a b
echo .*
echo *
echo .?
echo */..
mkdir sub
touch sub/.x sub/y
echo */*
echo */.*
echo */..
