#!/usr/bin/env bash
# Sandkernel benchmarks.
#
# Usage: ./bench.sh <benchmark> [arguments]
#
#   process-table [full | quick | B[,B...]]
#       The process-table workload of shared/bench/SCENARIOS.md (io.sandkernel.bench.ProcessTableBench),
#       comparable line by line with shared/bench/run-seed-rs (the Rust original):
#         full  (default) B in {0, 1000, 10000, 100000}, plus the memory line
#         quick B in {0, 10000}
#         B,... explicit background sizes, e.g. 0,1000 (memory line only if 100000 is listed)
#
#   kernel [full | quick]
#       The kernel benchmarks (io.sandkernel.bench.KernelBench): cold start, spawn/exit/reap, 10,000
#       sleeping processes, 1,000 idle kernels, a cat | cat | cat pipeline beside the host's bash,
#       host-driver spawn (unconfined, and confined by bubblewrap) beside ProcessBuilder, and the
#       descriptor layer against Jimfs (open+close, stat, 1-byte and 64 KiB read/write; wall clock,
#       then <op>_cpu_ratio: the median kernel/Jimfs ratio of the thread's CPU time over alternating
#       rounds, the one to read on a loaded machine). quick: fewer iterations, 128 MiB pipeline.
#       Result lines: "sandkernel kernel-<scenario> <key>=<value>", one per line.
#
#   wasm [full | quick]
#       The WebAssembly driver (io.sandkernel.bench.WasmBench): spawn+exit+reap of a hello-world
#       module first time and cached, a checksum and a sort compiled / interpreted / native
#       (clang -O2), wcat | wwc against the Java cat | wc and the host's, memory per idle wasm
#       process, kill latency of a busy loop. Compiles its C programs with clang (wasm32-wasi and
#       native) into bench/target/wasm and bench/target/native first.
#       Result lines: "sandkernel wasm-<scenario> <key>=<value>".
#
#   shell [full | quick]
#       The shell interpreter (io.sandkernel.bench.ShellBench): the same POSIX scripts (an arithmetic
#       loop of 1,000,000 iterations, 100,000 function calls, string building, case matching, a
#       pipeline-heavy loop) through Sandkernel's bash and sh and the host's /usr/bin/bash and
#       /usr/bin/dash, interleaved; median wall times and the ratios to bash and dash. full: a
#       warm-up run then 5 runs each; quick: 2 runs.
#       Result lines: "sandkernel shell-<workload> sandkernel_bash_ms=.. bash_ms=.. ratio_bash=..".
#
#   coreutils [full | quick]
#       The commands against GNU on the same machine and data (io.sandkernel.bench.CoreutilsBench):
#       sed s///g, awk '{s+=$1} END{print s}', sort and grep -c over generated text (full: 100 MB,
#       quick: 10 MB), find over 10,000 files; interleaved, median wall times, C.UTF-8 on both sides.
#       Result lines: "sandkernel coreutils-<workload> sandkernel_ms=.. gnu_ms=.. ratio=.. sandkernel_mb_s=.. gnu_mb_s=..".
#
#   checkpoints [full | quick]
#       What the signal checkpoints cost (io.sandkernel.bench.CheckpointBench): a shell loop, grep of a
#       regular expression over 6 x 16 MB and sort of 6 x 200,000 lines with the checkpoints on and off
#       (-Dsandkernel.checkpoints=false), in child JVMs launched alternately (full: 3 a side, quick: 1),
#       comparing the JVMs' CPU time per run.
#       Result lines: "sandkernel checkpoints-<workload> on_cpu_ms=.. off_cpu_ms=.. slowdown_pct=.. on_wall_ms=..".
#
# stdout carries only result lines ("sandkernel <scenario> B=<B> ns_per_op=<float>",
# "sandkernel memory B=100000 bytes_per_process=<int>"); the build, the JVM flags and every other
# diagnostic go to stderr.
#
# Building: sources scripts/jdk.sh (a JDK >= 21), then runs Maven (quietly, output on stderr) only
# when bench/target/sandkernel-bench.jar or its copied dependencies are missing or older than a
# source or pom of any module. SANDKERNEL_BENCH_REBUILD=1 forces the build. Running needs
# neither Maven nor the network: the jar's manifest points at bench/target/lib/.
#
# JVM flags (fixed so that figures are comparable between runs; printed on stderr):
#   -Xms2g -Xmx2g          fixed heap: no resizing during a run, room for 100,000 processes plus
#                          a batch's garbage. No -XX:+AlwaysPreTouch: the memory line measures RSS
#                          growth, which pre-touching the whole heap would hide.
#   -XX:+UseParallelGC     throughput collector: no concurrent GC threads competing with the
#                          measured thread on a 2-core machine; young pauses are short and are
#                          counted in the batches that cause them, like any allocation cost.
#   -XX:-UseAdaptiveSizePolicy
#                          generation sizes stay fixed for the whole run (the same young/old split
#                          for every scenario), instead of being retuned from earlier pause times.
# SANDKERNEL_BENCH_JVM_FLAGS="..." replaces them (for experiments; say so when quoting figures), e.g.
#   SANDKERNEL_BENCH_JVM_FLAGS="-Xms2g -Xmx2g -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy
#     -XX:StartFlightRecording=filename=/tmp/pt.jfr,settings=profile" ./bench.sh process-table 100000
#   then: jfr view hot-methods /tmp/pt.jfr   (or jfr print --events jdk.ExecutionSample /tmp/pt.jfr)
# Whatever the flags, stdout stays results only: the JVM's own stdout is sent to stderr.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    cat >&2 <<'EOF'
usage: ./bench.sh <benchmark> [arguments]
  process-table [full | quick | B[,B...]]   process-table scenarios (shared/bench/SCENARIOS.md)
  kernel [full | quick]                     kernel scenarios (io.sandkernel.bench.KernelBench)
  wasm [full | quick]                       WebAssembly driver scenarios (io.sandkernel.bench.WasmBench)
  shell [full | quick]                      the shell interpreter against dash and bash (io.sandkernel.bench.ShellBench)
  coreutils [full | quick]                  sed, awk, sort, grep, find against GNU (io.sandkernel.bench.CoreutilsBench)
  checkpoints [full | quick]                the cost of the signal checkpoints (io.sandkernel.bench.CheckpointBench)
EOF
    exit "${1:-2}"
}

default_jvm_flags=(-Xms2g -Xmx2g -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy)
if [[ -n "${SANDKERNEL_BENCH_JVM_FLAGS:-}" ]]; then
    read -r -a jvm_flags <<<"$SANDKERNEL_BENCH_JVM_FLAGS"
else
    jvm_flags=("${default_jvm_flags[@]}")
fi

bench_jar="$root/bench/target/sandkernel-bench.jar"

# Builds core, kernel and bench with Maven when the runnable jar is missing or stale. Build output -> stderr.
build_bench() {
    local stale=""
    if [[ "${SANDKERNEL_BENCH_REBUILD:-0}" != 0 || ! -f "$bench_jar" ]] \
        || ! compgen -G "$root/bench/target/lib/sandkernel-core-*.jar" >/dev/null \
        || ! compgen -G "$root/bench/target/lib/sandkernel-kernel-*.jar" >/dev/null; then
        stale=yes
    elif [[ -n "$(find "$root"/pom.xml "$root"/*/pom.xml "$root"/*/src/main -newer "$bench_jar" -print -quit 2>/dev/null)" ]]; then
        stale=yes
    fi
    [[ -n "$stale" ]] || return 0
    echo "bench.sh: building bench and the modules it uses (mvn -q -pl bench -am -Dmaven.test.skip=true package)" >&2
    local t0=$SECONDS
    # -Dmaven.test.skip: the benchmark needs only main code; tests are test.sh's business.
    (cd "$root" && mvn -q -B -pl bench -am -Dmaven.test.skip=true package) >&2 || {
        echo "bench.sh: build failed" >&2
        exit 1
    }
    touch "$bench_jar" # Maven may leave an up-to-date jar untouched; the staleness check needs a fresh time
    echo "bench.sh: build done in $((SECONDS - t0)) s" >&2
}

# Runs a harness whose result lines go to the file named by -Dsandkernel.bench.results: fd 3 here,
# which is our stdout, while the JVM's own stdout goes to stderr (JFR and -Xlog print there).
run_java() { # main class, arguments...
    local main="$1"
    shift
    echo "bench.sh: $(command -v java) ${jvm_flags[*]} -cp bench/target/sandkernel-bench.jar $main $*" >&2
    java "${jvm_flags[@]}" -Dsandkernel.bench.results=/dev/fd/3 -cp "$bench_jar" "$main" "$@" 3>&1 1>&2
}

bench_process_table() {
    local mode="${1:-full}"
    [[ $# -le 1 ]] || usage
    case "$mode" in
        full | quick) ;;
        *[!0-9,]* | "" | ,* | *, | *,,*) usage ;;
    esac
    build_bench
    run_java io.sandkernel.bench.ProcessTableBench "$mode"
}

bench_kernel() {
    local mode="${1:-full}"
    [[ $# -le 1 ]] || usage
    case "$mode" in
        full | quick) ;;
        *) usage ;;
    esac
    build_bench
    run_java io.sandkernel.bench.KernelBench "$mode"
}

# Compiles the wasm benchmarks' C programs (wasm32-wasi and native) with clang. Output -> stderr.
build_wasm_programs() {
    local wasm_out="$root/bench/target/wasm" native_out="$root/bench/target/native" c name
    mkdir -p "$wasm_out" "$native_out"
    command -v clang >/dev/null 2>&1 || { echo "bench.sh: wasm needs clang with wasi-libc (see .ci/run)" >&2; exit 1; }
    for c in "$root"/driver-wasm/src/test/c/{hello,cat,wc,busy}.c "$root"/bench/src/main/c/*.c; do
        name="$(basename "$c" .c)"
        [[ "$root/bench/target/wasm/$name.wasm" -nt "$c" ]] \
            || clang --target=wasm32-wasi --sysroot=/usr -O2 -o "$wasm_out/$name.wasm" "$c" -Wl,--strip-all >&2
        [[ "$native_out/$name" -nt "$c" ]] || clang -O2 -o "$native_out/$name" "$c" >&2
    done
}

bench_wasm() {
    local mode="${1:-full}"
    [[ $# -le 1 ]] || usage
    case "$mode" in
        full | quick) ;;
        *) usage ;;
    esac
    build_bench
    build_wasm_programs
    run_java io.sandkernel.bench.WasmBench "$mode" "$root/bench/target/wasm" "$root/bench/target/native"
}

[[ $# -ge 1 ]] || usage
command="$1"
shift
# jdk.sh exits with a message when no JDK >= 21 is installed.
case "$command" in
    -h | --help | help) usage 0 ;;
    process-table)
        # shellcheck source=scripts/jdk.sh
        . "$root/scripts/jdk.sh"
        bench_process_table "$@"
        ;;
    kernel)
        # shellcheck source=scripts/jdk.sh
        . "$root/scripts/jdk.sh"
        bench_kernel "$@"
        ;;
    wasm)
        # shellcheck source=scripts/jdk.sh
        . "$root/scripts/jdk.sh"
        bench_wasm "$@"
        ;;
    checkpoints)
        # shellcheck source=scripts/jdk.sh
        . "$root/scripts/jdk.sh"
        mode="${1:-full}"
        case "$mode" in full | quick) ;; *) usage ;; esac
        build_bench
        run_java io.sandkernel.bench.CheckpointBench "$mode"
        ;;
    shell | coreutils)
        # shellcheck source=scripts/jdk.sh
        . "$root/scripts/jdk.sh"
        mode="${1:-full}"
        case "$mode" in full | quick) ;; *) usage ;; esac
        build_bench
        if [[ "$command" == shell ]]; then main=io.sandkernel.bench.ShellBench; else main=io.sandkernel.bench.CoreutilsBench; fi
        run_java "$main" "$mode"
        ;;
    # Later benchmarks get their own branch here.
    *)
        echo "bench.sh: unknown benchmark '$command'" >&2
        usage
        ;;
esac
