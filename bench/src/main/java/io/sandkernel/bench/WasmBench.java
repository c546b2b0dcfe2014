package io.sandkernel.bench;

import io.sandkernel.api.Redirect;
import io.sandkernel.driver.wasm.WasmDriver;
import io.sandkernel.driver.wasm.module.ExecutionMode;
import io.sandkernel.driver.wasm.module.ModuleCache;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.process.Signals;
import io.sandkernel.userland.Sandkernel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The WebAssembly driver's benchmarks, side by side in one run:
 *
 * <ol>
 *   <li>{@code wasm-spawn}: spawn, exit and reap of a hello-world module (stdout to /dev/null),
 *       the first time (parse, validate, compile: a fresh module cache each run) and cached;
 *       median and p90 in µs, compiled and interpreted;</li>
 *   <li>{@code wasm-cpu}: a checksum of 100 MiB and a quicksort of 5 million integers, compiled by
 *       the runtime's compiler, interpreted (on a smaller input, reported as a ratio to the
 *       compiled run of the same input), and natively compiled with {@code clang -O2}; ms each and
 *       the ratios;</li>
 *   <li>{@code wasm-pipeline}: MB/s through {@code wcat FILE | wwc} (wasm), {@code cat FILE | wc}
 *       (the Java coreutils) in the kernel, and host {@code bash -c 'cat FILE | wc'};</li>
 *   <li>{@code wasm-idle}: heap and resident memory per idle wasm process (blocked reading a
 *       pipe);</li>
 *   <li>{@code wasm-kill}: latency from {@code kill} to the exit being reported, for a busy loop
 *       that never calls the host, SIGKILL and SIGTERM, compiled and interpreted.</li>
 * </ol>
 *
 * <p>Usage: {@code WasmBench [full | quick] WASMDIR NATIVEDIR} (the corpus compiled by
 * {@code ./bench.sh wasm}). stdout: {@code sandkernel wasm-<scenario> <key>=<value>} lines. System
 * property {@code sandkernel.bench.wasm.only=a,b} runs only the named scenarios.
 */
public final class WasmBench {
    private static final String NAME = "sandkernel";
    private static final PrintStream ERR = System.err;
    private static PrintStream out = System.out;

    private final boolean quick;
    private final Path wasm;
    private final Path nativeDir;

    private WasmBench(boolean quick, Path wasm, Path nativeDir) {
        this.quick = quick;
        this.wasm = wasm;
        this.nativeDir = nativeDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            ERR.println("usage: WasmBench [full | quick] WASMDIR NATIVEDIR");
            System.exit(2);
        }
        String results = System.getProperty("sandkernel.bench.results");
        if (results != null) {
            out = new PrintStream(new java.io.FileOutputStream(results), true, java.nio.charset.StandardCharsets.UTF_8);
        }
        WasmBench bench = new WasmBench(args[0].equals("quick"), Path.of(args[1]), Path.of(args[2]));
        ERR.printf("%s-bench: %s %s, %d processors%n", NAME, System.getProperty("java.vm.name"), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        java.util.Set<String> only = java.util.Set.of(System.getProperty("sandkernel.bench.wasm.only",
                "spawn,cpu,pipeline,idle,kill").split(","));
        if (only.contains("spawn")) {
            bench.spawn();
        }
        if (only.contains("cpu")) {
            bench.cpu();
        }
        if (only.contains("pipeline")) {
            bench.pipeline();
        }
        if (only.contains("idle")) {
            bench.idle();
        }
        if (only.contains("kill")) {
            bench.kill();
        }
        System.exit(0);
    }

    private static void result(String scenario, String key, Object value) {
        out.printf(Locale.ROOT, "%s wasm-%s %s=%s%n", NAME, scenario, key, value);
    }

    private byte[] module(String name) throws IOException {
        return Files.readAllBytes(wasm.resolve(name + ".wasm"));
    }

    private Kernel kernel(UnaryOperator<WasmDriver.Builder> configure) throws IOException {
        WasmDriver.Builder builder = WasmDriver.builder();
        for (String name : List.of("hello", "cat", "wc", "busy", "checksum", "sort")) {
            builder.command(name.equals("cat") || name.equals("wc") ? "w" + name : name, module(name));
        }
        return Sandkernel.builder().driver(configure.apply(builder).build()).build();
    }

    private static final SpawnOptions QUIET = SpawnOptions.defaults()
            .withRedirects(new Redirect.Null(), new Redirect.Null(), new Redirect.Null());

    // ------------------------------------------------------------------ spawn

    private void spawn() throws Exception {
        for (ExecutionMode mode : ExecutionMode.values()) {
            String tag = mode.name().toLowerCase(Locale.ROOT);
            int firstRuns = quick ? 3 : 7;
            long[] first = new long[firstRuns];
            for (int i = 0; i < firstRuns; i++) {
                ModuleCache fresh = new ModuleCache(4);
                try (Kernel kernel = kernel(b -> b.mode(mode).moduleCache(fresh))) {
                    long t0 = System.nanoTime();
                    KernelProcess p = kernel.spawn("hello", List.of(), QUIET);
                    p.waitFor();
                    first[i] = System.nanoTime() - t0;
                }
            }
            report("spawn", tag + "-first", first);
            try (Kernel kernel = kernel(b -> b.mode(mode))) {
                int warmup = quick ? 200 : 1000;
                int runs = quick ? 500 : 3000;
                for (int i = 0; i < warmup; i++) {
                    kernel.spawn("hello", List.of(), QUIET).waitFor();
                }
                long[] times = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    kernel.spawn("hello", List.of(), QUIET).waitFor();
                    times[i] = System.nanoTime() - t0;
                }
                report("spawn", tag + "-cached", times);
            }
        }
    }

    private static void report(String scenario, String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e3;
        double p90 = sorted[(int) (sorted.length * 0.9)] / 1e3;
        ERR.printf(Locale.ROOT, "wasm-%s: %s %d runs, min %.0f us, median %.0f us, p90 %.0f us%n", scenario, what,
                nanos.length, sorted[0] / 1e3, median, p90);
        result(scenario, what + "_median_us", String.format(Locale.ROOT, "%.1f", median));
        result(scenario, what + "_p90_us", String.format(Locale.ROOT, "%.1f", p90));
    }

    // ------------------------------------------------------------------ cpu

    private void cpu() throws Exception {
        cpuCase("checksum", quick ? "32" : "100", quick ? "1" : "3");
        cpuCase("sort", quick ? "1000000" : "5000000", quick ? "50000" : "100000");
    }

    private void cpuCase(String program, String full, String small) throws Exception {
        long compiled;
        long compiledSmall;
        long interpretedSmall;
        try (Kernel kernel = kernel(b -> b)) {
            run(kernel, program, small); // compile once, warm
            compiled = best(() -> run(kernel, program, full), 3);
            compiledSmall = best(() -> run(kernel, program, small), 5);
        }
        try (Kernel kernel = kernel(b -> b.mode(ExecutionMode.INTERPRETED))) {
            interpretedSmall = best(() -> run(kernel, program, small), 1);
        }
        Path nativeProgram = nativeDir.resolve(program);
        long nativeTime = best(() -> runNative(nativeProgram, full), 3);
        double vsNative = (double) compiled / nativeTime;
        double interpreterVsCompiled = (double) interpretedSmall / compiledSmall;
        ERR.printf(Locale.ROOT, "wasm-cpu: %s %s: compiled %.0f ms, native %.0f ms (%.2fx); on %s: compiled %.0f ms, "
                        + "interpreted %.0f ms (%.0fx)%n", program, full, compiled / 1e6, nativeTime / 1e6, vsNative, small,
                compiledSmall / 1e6, interpretedSmall / 1e6, interpreterVsCompiled);
        result("cpu", program + "_compiled_ms", String.format(Locale.ROOT, "%.0f", compiled / 1e6));
        result("cpu", program + "_native_ms", String.format(Locale.ROOT, "%.0f", nativeTime / 1e6));
        result("cpu", program + "_compiled_vs_native", String.format(Locale.ROOT, "%.2f", vsNative));
        result("cpu", program + "_interpreted_vs_compiled", String.format(Locale.ROOT, "%.0f", interpreterVsCompiled));
    }

    @FunctionalInterface
    private interface Timed {
        long run() throws Exception;
    }

    private static long best(Timed timed, int runs) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            best = Math.min(best, timed.run());
        }
        return best;
    }

    private static long run(Kernel kernel, String program, String arg) {
        long t0 = System.nanoTime();
        ExecResult result = kernel.exec(List.of(program, arg), ExecOptions.defaults().withTimeout(Duration.ofMinutes(10)));
        long took = System.nanoTime() - t0;
        if (result.exitCode() != 0) {
            throw new IllegalStateException(program + " failed: " + result.stdout() + result.stderr());
        }
        return took;
    }

    private static long runNative(Path program, String arg) throws Exception {
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(program.toString(), arg).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(program + " failed");
        }
        return System.nanoTime() - t0;
    }

    // ------------------------------------------------------------------ pipeline

    private void pipeline() throws Exception {
        int mib = quick ? 16 : 32; // the kernel's default filesystem holds 64 MiB
        byte[] data = new byte[mib << 20];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < data.length; i++) {
            int r = random.nextInt(64);
            data[i] = (byte) (r < 8 ? '\n' : r < 16 ? ' ' : 'a' + r % 26);
        }
        try (Kernel kernel = kernel(b -> b)) {
            kernel.writeFile("/tmp/big", data);
            // relative paths: wasi-libc resolves an absolute one against the working-directory preopen
            String wasmCount = sh(kernel, "cd /tmp && wcat big | wwc");
            String javaCount = sh(kernel, "cd /tmp && cat big | wc");
            if (!List.of(wasmCount.trim().split("\\s+")).equals(List.of(javaCount.trim().split("\\s+")))) {
                throw new IllegalStateException("wasm and Java counts differ: " + wasmCount + " / " + javaCount);
            }
            double wasmRate = rate(data.length, () -> sh(kernel, "cd /tmp && wcat big | wwc"));
            double javaRate = rate(data.length, () -> sh(kernel, "cd /tmp && cat big | wc"));
            Path host = Files.createTempFile("wasm-bench", ".txt");
            try {
                Files.write(host, data);
                double hostRate = rate(data.length, () -> {
                    Process p = new ProcessBuilder("bash", "-c", "cat '" + host + "' | wc").start();
                    p.getInputStream().readAllBytes();
                    p.waitFor();
                });
                ERR.printf(Locale.ROOT, "wasm-pipeline: %d MiB: wasm %.0f MB/s, java %.0f MB/s, host %.0f MB/s%n", mib,
                        wasmRate, javaRate, hostRate);
                result("pipeline", "wasm_mb_s", String.format(Locale.ROOT, "%.0f", wasmRate));
                result("pipeline", "java_mb_s", String.format(Locale.ROOT, "%.0f", javaRate));
                result("pipeline", "host_mb_s", String.format(Locale.ROOT, "%.0f", hostRate));
            } finally {
                Files.deleteIfExists(host);
            }
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static double rate(long bytes, Action action) throws Exception {
        action.run(); // warm-up
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            action.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return bytes / (best / 1e9) / 1e6;
    }

    private static String sh(Kernel kernel, String script) {
        ExecResult result = kernel.exec(script, ExecOptions.defaults().withTimeout(Duration.ofMinutes(5)));
        if (result.exitCode() != 0 || !result.stderr().isEmpty()) {
            throw new IllegalStateException(script + ": " + result.stderr());
        }
        return result.stdout();
    }

    // ------------------------------------------------------------------ idle memory

    private void idle() throws Exception {
        int count = quick ? 50 : 100; // each holds a pipe: a kernel has 128
        try (Kernel kernel = kernel(b -> b)) {
            kernel.spawn("wcat", List.of(), QUIET).waitFor(); // compiled and cached
            long heap0 = heapAfterGc();
            long rss0 = rss();
            int threads0 = Thread.activeCount();
            List<KernelProcess> idle = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                idle.add(kernel.spawn("wcat", List.of(), SpawnOptions.defaults()
                        .withRedirects(new Redirect.Pipe(), new Redirect.Null(), new Redirect.Null())));
            }
            // every one has started and blocks reading its pipe once it has written nothing yet
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Thread.activeCount() - threads0 < count && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            long heap = heapAfterGc() - heap0;
            long rss = rss() - rss0;
            ERR.printf(Locale.ROOT, "wasm-idle: %d idle processes: heap %d bytes each, resident %d bytes each%n",
                    count, heap / count, rss / count);
            result("idle", "heap_bytes_per_process", heap / count);
            result("idle", "rss_bytes_per_process", rss / count);
            for (KernelProcess p : idle) {
                p.stdin().close();
            }
            for (KernelProcess p : idle) {
                p.waitFor();
            }
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------ kill latency

    private void kill() throws Exception {
        for (ExecutionMode mode : ExecutionMode.values()) {
            String tag = mode.name().toLowerCase(Locale.ROOT);
            try (Kernel kernel = kernel(b -> b.mode(mode))) {
                for (int signal : new int[] {Signals.SIGKILL, Signals.SIGTERM}) {
                    int runs = quick ? 10 : 30;
                    long[] latency = new long[runs];
                    for (int i = 0; i < runs; i++) {
                        KernelProcess busy = kernel.spawn("busy", List.of(), SpawnOptions.defaults()
                                .withRedirects(new Redirect.Null(), new Redirect.Pipe(), new Redirect.Null()));
                        InputStream stdout = busy.stdout();
                        while (stdout.read() != '\n') {
                            // "ready": it computes from here on
                        }
                        long t0 = System.nanoTime();
                        busy.kill(signal);
                        busy.waitFor();
                        latency[i] = System.nanoTime() - t0;
                    }
                    report("kill", tag + "-" + Signals.name(signal).toLowerCase(Locale.ROOT), latency);
                }
            }
        }
    }
}
