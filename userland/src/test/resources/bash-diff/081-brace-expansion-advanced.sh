echo {a..c}{1..2}
echo pre{,-mid}-post
mkdir -p dir_{x,y,z}; ls -d dir_* | tr '\n' ' '; echo
echo {Z..X} {c..a..2}
echo {-3..3..2}
echo {001..3}
echo {x..z}.{txt,md}
v=1; echo {$v..3}
echo {a,b\,c}
echo 'x'{1,2}"y"
echo {1..2}{a..b}{+,-}
