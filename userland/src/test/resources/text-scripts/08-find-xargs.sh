# finding files and acting on them: find with expressions, xargs in its usual forms
mkdir -p proj/src/util proj/docs proj/build "proj/with space"
printf 'int main(void) { return 0; }\n' > proj/src/main.c
printf '#include "util.h"\nint helper(void);\n' > proj/src/util/util.c
printf 'int helper(void);\n' > proj/src/util/util.h
printf '# Title\nTODO: write\n' > proj/docs/readme.md
printf 'ERROR one\nok\n' > proj/build/a.log
printf 'ok\n' > proj/build/b.log
printf 'ERROR two\n' > "proj/with space/c.log"
: > proj/build/empty.o
echo "== sources"
find proj -name '*.c' | sort
find proj -type f -name '*.[ch]' | sort | xargs wc -l
echo "== logs with errors"
find proj -name '*.log' -print0 | xargs -0 grep -l ERROR | sort
find proj -name '*.log' -print0 | xargs -0 grep -c ERROR | sort
echo "== directories"
find proj -type d | sort
find proj -mindepth 1 -maxdepth 1 -type d | sort
echo "== empty and pruned"
find proj -empty
find proj -path proj/build -prune -o -type f -print | sort
find proj/src -name '*.c' -exec basename {} \; | sort
find proj/src -name '*.h' -exec grep -H helper {} +
echo "== xargs forms"
printf 'a b c d e\n' | xargs -n 2 echo
printf 'one\ntwo\n' | xargs -I{} echo 'item {} done'
printf 'x y\n' | xargs -L 1 echo got
printf '' | xargs -r echo never
printf 'p,q,r' | xargs -d , -n 1 echo
find proj -name '*.o' | xargs rm -f
find proj -name '*.o' | wc -l
find proj/docs -type f | xargs -I% sh -c 'echo "$(basename %) has $(wc -l < %) lines"'
find proj -name 'b.log' -delete
ls proj/build
