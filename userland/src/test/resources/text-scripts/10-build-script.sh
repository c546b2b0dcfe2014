# a build script: versions from files, generated sources, a manifest, failures handled
set -e
VERSION=$(sed -n 's/^version *= *//p' <<'CONF'
name = demo
version = 2.4.1
CONF
)
echo "building demo $VERSION"
rm -rf build && mkdir -p build/gen build/out
for name in core net cli; do
  upper=$(echo "$name" | tr a-z A-Z)
  cat > "build/gen/$name.c" <<EOF2
/* generated: do not edit */
#define MODULE "$upper"
#define VERSION "$VERSION"
EOF2
done
ls build/gen | sed 's/\.c$//' | sort | paste -sd, -
for src in build/gen/*.c; do
  base=$(basename "$src" .c)
  dir=$(dirname "$src")
  grep -c define "$src" > "build/out/$base.count"
  echo "compiled $base from $dir"
done
total=0
for f in build/out/*.count; do total=$((total + $(cat "$f"))); done
echo "defines: $total"
(cd build/gen && sha256sum *.c) > build/MANIFEST
cut -c66- build/MANIFEST
(cd build/gen && sha256sum -c ../MANIFEST) | sort
major=${VERSION%%.*}; rest=${VERSION#*.}; minor=${rest%%.*}
echo "next: $major.$((minor + 1)).0"
if ! test -f build/out/missing.count; then echo "no missing.count, as expected"; fi
if grep -q VERSION build/gen/core.c; then echo "version stamped"; fi
sed -i "s/$VERSION/$major.$((minor + 1)).0/" build/gen/net.c
grep VERSION build/gen/net.c
set +e
false
echo "status after false: $?"
test -d build/none || echo "no build/none"
find build -type f | sort | awk -F/ '{ n[$2]++ } END { for (d in n) print d, n[d] }' | sort
