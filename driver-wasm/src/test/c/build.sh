#!/usr/bin/env bash
# Compiles the C test corpus to wasm32-wasi (preview 1) with clang, during Maven's test-compile
# phase: build.sh OUTDIR. Each NAME.c becomes OUTDIR/NAME.wasm; a line "// cflags: ..." in a
# source adds flags. Only sources newer than their module are compiled. Without clang or the
# wasi sysroot it says so and stops (the tests that need the corpus are then skipped, saying
# why); .ci/run installs clang, lld, wasi-libc and libclang-rt-dev-wasm32, so CI never skips.
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: build.sh OUTDIR}"
clang="${WASM_CLANG:-clang}"
sysroot="${WASI_SYSROOT:-/usr}"
mkdir -p "$out"
if ! command -v "$clang" >/dev/null 2>&1 || [[ ! -f "$sysroot/lib/wasm32-wasi/libc.a" ]]; then
    echo "build.sh: $clang or the wasi-libc sysroot ($sysroot/lib/wasm32-wasi) is missing; the C corpus is not built" >&2
    rm -f "$out/.complete"
    exit 0
fi
for c in "$src"/*.c; do
    name="$(basename "$c" .c)"
    wasm="$out/$name.wasm"
    if [[ -f "$wasm" && "$wasm" -nt "$c" ]]; then
        continue
    fi
    flags="$(sed -n 's|^// cflags: ||p' "$c" | head -n 1)"
    # shellcheck disable=SC2086
    "$clang" --target=wasm32-wasi --sysroot="$sysroot" -O2 -Wall -Werror -o "$wasm" "$c" $flags -Wl,--strip-all
done
touch "$out/.complete"
