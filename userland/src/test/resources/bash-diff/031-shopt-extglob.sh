shopt -s extglob
touch a.txt b.log c.txt d.md
echo !(*.txt)
echo @(a|b).*
echo *.+(txt|md)
echo ?(a).txt
x=aaab
echo ${x##+(a)}
case foo in @(foo|bar)) echo case-ext;; esac
[[ baz == !(foo|bar) ]] && echo cond-neg
