package io.sandkernel.bench;

import io.sandkernel.KernelException;
import io.sandkernel.driver.host.HostConfinement;
import io.sandkernel.driver.host.HostDriver;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.api.Redirect;
import io.sandkernel.kernel.SpawnOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kernel benchmarks: what it costs to create a kernel, to run a process in it, to keep many
 * processes and many kernels alive, to move bytes through its pipes, and what the host driver adds
 * to a plain {@link ProcessBuilder}.
 *
 * <p>Usage: {@code KernelBench [full | quick]} (quick: fewer iterations, a 128 MiB pipeline
 * instead of 1 GiB). stdout carries only result lines, {@code sandkernel kernel-<scenario>
 * <key>=<value>}, one figure per line; every diagnostic goes to stderr. A scenario that cannot run
 * (a host command missing) says so on stderr and prints no figure; a scenario that fails prints
 * its error on stderr and the run ends with status 1 after the others. System property
 * {@code sandkernel.bench.kernel.only=a,b} runs only the named scenarios (e.g. {@code host-spawn}),
 * for profiling one of them.
 *
 * <ol>
 *   <li>{@code kernel-cold-start}: {@code Sandkernel.builder().build()}, {@code exec("true")} to
 *       completion, {@code close()}; median and p90 in µs over many iterations after a warm-up.</li>
 *   <li>{@code kernel-spawn-reap}: in one long-lived kernel, {@code spawn("true")} with
 *       /dev/null stdio, {@code waitFor()} (the kernel reaps host-spawned processes on exit); ns
 *       per op with the batch procedure of {@link BatchTimer}. {@code kernel-exec-true}: the same
 *       with {@code exec("true")} (three pipes and their stream threads).</li>
 *   <li>{@code kernel-sleepers}: 10,000 concurrent {@code sleep 1000} in one kernel; heap per
 *       process (heap used after GC, before and after spawning) and the time {@code close()}
 *       takes to end them all.</li>
 *   <li>{@code kernel-idle-kernels}: 1,000 idle kernels (default builder, nothing run) held in one
 *       JVM; heap per kernel.</li>
 *   <li>{@code kernel-pipeline}: bytes through {@code cat | cat | cat} inside one kernel ({@code sh -c}
 *       when the JVM driver has {@code sh}, else three {@code cat}s wired from the host), and
 *       through {@code bash -c 'cat | cat | cat'} on the host fed the same bytes; MB/s (10^6
 *       bytes per second) each.</li>
 *   <li>{@code kernel-host-spawn}: spawn and wait of {@code /bin/true} through the host driver,
 *       unconfined and confined (bubblewrap where it works), interleaved with {@code new
 *       ProcessBuilder("/bin/true").start().waitFor()}; median µs each, the ratio of the unconfined
 *       driver to ProcessBuilder and of confined to unconfined.</li>
 *   <li>{@code kernel-descriptors}: open+close, stat, 1-byte and 64 KiB read and write through a
 *       program's system calls against the same on Jimfs directly, wall clock and CPU time
 *       ({@link DescriptorBench}).</li>
 * </ol>
 */
public final class KernelBench {
    private static final String NAME = "sandkernel";
    private static final PrintStream OUT = BatchTimer.resultStream();
    private static final PrintStream ERR = System.err;

    private static final SpawnOptions QUIET = SpawnOptions.defaults()
            .withRedirects(new Redirect.Null(), new Redirect.Null(), new Redirect.Null());

    private static final int SLEEPERS = 10_000;
    private static final int IDLE_KERNELS = 1_000;
    private static final int CHUNK = 64 * 1024;

    /** Iteration counts and sizes of one mode. */
    private record Mode(String name, int coldWarmup, int coldRuns, long pipelineBytes, long pipelineWarmupBytes,
                        int hostWarmup, int hostRuns) {}

    private static final Mode FULL = new Mode("full", 2_000, 3_000, 1L << 30, 64L << 20, 100, 500);
    private static final Mode QUICK = new Mode("quick", 300, 500, 128L << 20, 16L << 20, 30, 150);

    private static boolean failed;

    private KernelBench() {}

    // ---------------------------------------------------------------- output

    private static void result(String scenario, String key, String value) {
        OUT.printf(Locale.ROOT, "%s kernel-%s %s=%s%n", NAME, scenario, key, value);
        OUT.flush();
    }

    private static void result(String scenario, String key, long value) {
        result(scenario, key, Long.toString(value));
    }

    private static void result(String scenario, String key, double value) {
        result(scenario, key, String.format(Locale.ROOT, "%.1f", value));
    }

    private static void skip(String scenario, String why) {
        ERR.println("kernel-" + scenario + ": SKIPPED: " + why);
    }

    /** The value at quantile {@code q} (nearest rank) of sorted {@code values}. */
    static long quantile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    // ---------------------------------------------------------------- 1. cold start

    /** One kernel from scratch: build, exec true, close; returns the ns it took. */
    private static long coldStartOnce() {
        long start = System.nanoTime();
        Kernel kernel = Sandkernel.builder().build();
        ExecResult result;
        try {
            result = kernel.exec("true");
        } finally {
            kernel.close();
        }
        long took = System.nanoTime() - start;
        if (!result.succeeded()) {
            throw new IllegalStateException("cold start: true failed: " + result);
        }
        return took;
    }

    static void coldStart(Mode mode) {
        long first = coldStartOnce();
        ERR.printf(Locale.ROOT, "kernel-cold-start: first ever (class loading, interpreter) %.0f us%n", micros(first));
        long warmStart = System.nanoTime();
        for (int i = 0; i < mode.coldWarmup; i++) {
            coldStartOnce();
        }
        ERR.printf(Locale.ROOT, "kernel-cold-start: %d warm-up iterations in %.0f ms%n", mode.coldWarmup,
                (System.nanoTime() - warmStart) / 1e6);
        BatchTimer.heapUsedAfterGc();
        long[] runs = new long[mode.coldRuns];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = coldStartOnce();
        }
        Arrays.sort(runs);
        ERR.printf(Locale.ROOT, "kernel-cold-start: %d runs, min %.0f us, median %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us%n",
                runs.length, micros(runs[0]), micros(quantile(runs, 0.5)), micros(quantile(runs, 0.9)),
                micros(quantile(runs, 0.99)), micros(runs[runs.length - 1]));
        result("cold-start", "median_us", micros(quantile(runs, 0.5)));
        result("cold-start", "p90_us", micros(quantile(runs, 0.9)));
    }

    // ---------------------------------------------------------------- 2. spawn -> exit -> reap

    static void spawnReap() throws InterruptedException {
        try (Kernel kernel = Sandkernel.builder().build()) {
            double spawnNs = BatchTimer.measure("spawn-reap", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    KernelProcess process = kernel.spawn("true", List.of(), QUIET);
                    int status = process.waitFor();
                    if (status != 0) {
                        throw new IllegalStateException("spawn-reap: true exited with " + status);
                    }
                    sink += process.pid();
                }
                return sink;
            });
            checkOnlyInit(kernel, "spawn-reap");
            result("spawn-reap", "ns_per_op", spawnNs);
            double execNs = BatchTimer.measure("exec-true", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    ExecResult result = kernel.exec("true");
                    if (!result.succeeded()) {
                        throw new IllegalStateException("exec-true: " + result);
                    }
                    sink += result.exitCode() + 1;
                }
                return sink;
            });
            checkOnlyInit(kernel, "exec-true");
            result("exec-true", "ns_per_op", execNs);
        }
    }

    private static void checkOnlyInit(Kernel kernel, String scenario) {
        var processes = kernel.processes();
        if (processes.size() != 1) {
            throw new IllegalStateException(scenario + ": only init may remain, found " + processes);
        }
    }

    // ---------------------------------------------------------------- 3. 10,000 sleepers

    static void sleepers() throws InterruptedException {
        KernelLimits limits = KernelLimits.defaults().withMaxProcesses(SLEEPERS + 16)
                .withMaxProcessesPerUser(SLEEPERS + 16);
        Kernel kernel = Sandkernel.builder().limits(limits).build();
        try {
            kernel.exec("true"); // the driver's classes are loaded before the baseline
            long heapBefore = BatchTimer.heapUsedAfterGc();
            long start = System.nanoTime();
            List<KernelProcess> processes = new ArrayList<>(SLEEPERS);
            for (int i = 0; i < SLEEPERS; i++) {
                processes.add(kernel.spawn("sleep", List.of("1000"), QUIET));
            }
            long spawned = System.nanoTime();
            // give every virtual thread time to reach its sleep
            Thread.sleep(1_000);
            int live = 0;
            for (KernelProcess process : processes) {
                live += process.isAlive() ? 1 : 0;
            }
            check(live == SLEEPERS, "sleepers: only " + live + " of " + SLEEPERS + " still run");
            int inTable = kernel.processes().size();
            check(inTable == SLEEPERS + 1, "sleepers: the table holds " + inTable + " processes");
            long heapAfter = BatchTimer.heapUsedAfterGc();
            ERR.printf(Locale.ROOT, "kernel-sleepers: spawned %d in %.0f ms; heap used after GC %d -> %d bytes%n",
                    SLEEPERS, (spawned - start) / 1e6, heapBefore, heapAfter);
            long closeStart = System.nanoTime();
            kernel.close();
            long closeNs = System.nanoTime() - closeStart;
            int alive = 0;
            for (KernelProcess process : processes) {
                OptionalInt status = process.waitFor(Duration.ZERO);
                alive += status.isEmpty() ? 1 : 0;
            }
            check(alive == 0, "sleepers: " + alive + " handles still alive after close()");
            result("sleepers", "heap_bytes_per_process", (heapAfter - heapBefore) / SLEEPERS);
            result("sleepers", "spawn_us_per_process", micros(spawned - start) / SLEEPERS);
            result("sleepers", "close_ms", closeNs / 1e6);
        } finally {
            kernel.close();
        }
    }

    // ---------------------------------------------------------------- 4. idle kernels

    static void idleKernels() {
        Sandkernel.builder().build().close(); // classes loaded before the baseline
        int threadsBefore = Thread.activeCount();
        long heapBefore = BatchTimer.heapUsedAfterGc();
        List<Kernel> kernels = new ArrayList<>(IDLE_KERNELS);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < IDLE_KERNELS; i++) {
                kernels.add(Sandkernel.builder().build());
            }
            long built = System.nanoTime();
            long heapAfter = BatchTimer.heapUsedAfterGc();
            ERR.printf(Locale.ROOT, "kernel-idle-kernels: built %d in %.0f ms; heap used after GC %d -> %d bytes; "
                    + "platform threads %d -> %d%n", IDLE_KERNELS, (built - start) / 1e6, heapBefore, heapAfter,
                    threadsBefore, Thread.activeCount());
            BatchTimer.blackholeRef = kernels;
            result("idle-kernels", "heap_bytes_per_kernel", (heapAfter - heapBefore) / IDLE_KERNELS);
        } finally {
            long closeStart = System.nanoTime();
            kernels.forEach(Kernel::close);
            ERR.printf(Locale.ROOT, "kernel-idle-kernels: closed %d in %.0f ms%n", kernels.size(),
                    (System.nanoTime() - closeStart) / 1e6);
            BatchTimer.blackholeRef = null;
        }
    }

    // ---------------------------------------------------------------- 5. pipeline

    /** 64 KiB of random bytes, written over and over. */
    private static byte[] chunk() {
        byte[] bytes = new byte[CHUNK];
        new SplittableRandom(42).nextBytes(bytes);
        return bytes;
    }

    /**
     * Writes {@code total} bytes to {@code in} on a platform thread, then closes it; drains
     * {@code out} on this thread, checking that every byte comes out as it went in; returns the ns
     * from the first write to EOF.
     */
    private static long pump(String label, OutputStream in, InputStream out, long total) throws Exception {
        byte[] bytes = chunk();
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        long start = System.nanoTime();
        Thread writer = Thread.ofPlatform().name("bench-feed-" + label).start(() -> {
            try (in) {
                long left = total;
                while (left > 0) {
                    int n = (int) Math.min(left, bytes.length);
                    in.write(bytes, 0, n);
                    left -= n;
                }
            } catch (Throwable e) {
                writeFailure.set(e);
            }
        });
        byte[] buffer = new byte[CHUNK];
        long read = 0;
        int n;
        while ((n = out.read(buffer, 0, buffer.length)) >= 0) {
            // the output must be the input: the chunk over and over
            for (int at = 0; at < n; ) {
                int offset = (int) ((read + at) % CHUNK);
                int length = Math.min(n - at, CHUNK - offset);
                if (!Arrays.equals(buffer, at, at + length, bytes, offset, offset + length)) {
                    throw new IllegalStateException(label + ": output differs from input near byte " + (read + at));
                }
                at += length;
            }
            read += n;
        }
        long took = System.nanoTime() - start;
        writer.join();
        if (writeFailure.get() != null) {
            throw new IllegalStateException(label + ": feeding failed", writeFailure.get());
        }
        check(read == total, label + ": read " + read + " bytes, wrote " + total);
        return took;
    }

    /** cat | cat | cat inside {@code kernel}: through sh when registered, else wired from the host. */
    private static long kernelPipeline(Kernel kernel, long total) throws Exception {
        SpawnOptions piped = SpawnOptions.defaults().withRedirects(new Redirect.Pipe(), new Redirect.Pipe(),
                new Redirect.Null());
        if (kernel.commands().containsKey("sh")) {
            KernelProcess sh = kernel.spawn("sh", List.of("-c", "cat | cat | cat"), piped);
            try {
                long took = pump("kernel sh pipeline", sh.stdin(), sh.stdout(), total);
                check(sh.waitFor() == 0, "kernel pipeline: sh failed");
                return took;
            } finally {
                sh.stdout().close();
            }
        }
        // No shell: three cats; the second and third read the previous one's stdout pipe directly
        // (Redirect.Inherit of the handle's stream: no copying thread in between).
        KernelProcess first = kernel.spawn("cat", List.of(), piped);
        KernelProcess second = kernel.spawn("cat", List.of(), SpawnOptions.defaults()
                .withRedirects(new Redirect.Inherit(), new Redirect.Pipe(), new Redirect.Null())
                .withInput(first.stdout()));
        KernelProcess third = kernel.spawn("cat", List.of(), SpawnOptions.defaults()
                .withRedirects(new Redirect.Inherit(), new Redirect.Pipe(), new Redirect.Null())
                .withInput(second.stdout()));
        try {
            long took = pump("kernel pipeline", first.stdin(), third.stdout(), total);
            for (KernelProcess cat : List.of(first, second, third)) {
                check(cat.waitFor() == 0, "kernel pipeline: cat " + cat.pid() + " failed");
            }
            return took;
        } finally {
            for (KernelProcess cat : List.of(first, second, third)) {
                cat.stdout().close();
            }
        }
    }

    private static long bashPipeline(String bash, long total) throws Exception {
        Process process = new ProcessBuilder(bash, "-c", "cat | cat | cat")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long took = pump("bash pipeline", process.getOutputStream(), process.getInputStream(), total);
            check(process.waitFor() == 0, "bash pipeline: exit " + process.exitValue());
            return took;
        } finally {
            process.getInputStream().close();
        }
    }

    private static double mbPerSecond(long bytes, long nanos) {
        return bytes / (nanos / 1e9) / 1e6;
    }

    static void pipeline(Mode mode) throws Exception {
        long total = mode.pipelineBytes;
        try (Kernel kernel = Sandkernel.builder().build()) {
            String how = kernel.commands().containsKey("sh") ? "sh -c 'cat | cat | cat'"
                    : "three cat processes wired from the host (sh is not registered in the JVM driver)";
            ERR.println("kernel-pipeline: kernel side: " + how);
            long warm = kernelPipeline(kernel, mode.pipelineWarmupBytes);
            ERR.printf(Locale.ROOT, "kernel-pipeline: warm-up %d MiB: %.1f MB/s%n", mode.pipelineWarmupBytes >> 20,
                    mbPerSecond(mode.pipelineWarmupBytes, warm));
            long took = kernelPipeline(kernel, total);
            ERR.printf(Locale.ROOT, "kernel-pipeline: kernel %d MiB in %.0f ms%n", total >> 20, took / 1e6);
            result("pipeline", "bytes", total);
            result("pipeline", "kernel_mb_per_s", mbPerSecond(total, took));
        }
        String bash = executable("bash");
        if (bash == null) {
            skip("pipeline", "no bash on the host PATH: no host figure");
            return;
        }
        bashPipeline(bash, mode.pipelineWarmupBytes);
        long took = bashPipeline(bash, total);
        ERR.printf(Locale.ROOT, "kernel-pipeline: host %s %d MiB in %.0f ms%n", bash, total >> 20, took / 1e6);
        result("pipeline", "host_bash_mb_per_s", mbPerSecond(total, took));
    }

    /** The first executable {@code name} on PATH, or null. */
    private static String executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- 6. host driver vs ProcessBuilder

    private static long hostSpawnOnce(Kernel kernel) throws InterruptedException {
        long start = System.nanoTime();
        KernelProcess process = kernel.spawn("/bin/true", List.of(), QUIET);
        int status = process.waitFor();
        long took = System.nanoTime() - start;
        check(status == 0, "host-spawn: /bin/true exited with " + status);
        return took;
    }

    private static long processBuilderOnce() throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("/bin/true").start();
        int status = process.waitFor();
        long took = System.nanoTime() - start;
        check(status == 0, "host-spawn: ProcessBuilder /bin/true exited with " + status);
        process.getOutputStream().close();
        process.getInputStream().close();
        process.getErrorStream().close();
        return took;
    }

    static void hostSpawn(Mode mode) throws Exception {
        Path trueBinary = Path.of("/bin/true");
        if (!Files.isExecutable(trueBinary)) {
            skip("host-spawn", "/bin/true is missing or not executable");
            return;
        }
        // the driver's own cost, unconfined, beside the same driver confining each start (bubblewrap
        // here, whatever HostConfinement.detect() picks)
        HostDriver host = HostDriver.builder().confinement(HostConfinement.unconfined()).allow("/bin/true").build();
        HostDriver confinedHost = HostDriver.builder().allow("/bin/true").build();
        try (Kernel kernel = Sandkernel.builder().driver(host).build();
             Kernel confined = Sandkernel.builder().driver(confinedHost).build()) {
            ERR.println("kernel-host-spawn: host driver runs " + host.executables() + ", commands " + kernel.commands());
            try {
                hostSpawnOnce(confined);
            } catch (KernelException e) {
                skip("host-spawn", "host programs cannot be confined here: " + e.getMessage());
                return;
            }
            for (int i = 0; i < mode.hostWarmup; i++) {
                hostSpawnOnce(kernel);
                hostSpawnOnce(confined);
                processBuilderOnce();
            }
            long[] viaKernel = new long[mode.hostRuns];
            long[] viaConfined = new long[mode.hostRuns];
            long[] plain = new long[mode.hostRuns];
            for (int i = 0; i < mode.hostRuns; i++) {
                // interleaved, in a rotating order, so that drift hits all three alike
                switch (i % 3) {
                    case 0 -> {
                        viaKernel[i] = hostSpawnOnce(kernel);
                        plain[i] = processBuilderOnce();
                        viaConfined[i] = hostSpawnOnce(confined);
                    }
                    case 1 -> {
                        plain[i] = processBuilderOnce();
                        viaConfined[i] = hostSpawnOnce(confined);
                        viaKernel[i] = hostSpawnOnce(kernel);
                    }
                    default -> {
                        viaConfined[i] = hostSpawnOnce(confined);
                        viaKernel[i] = hostSpawnOnce(kernel);
                        plain[i] = processBuilderOnce();
                    }
                }
            }
            Arrays.sort(viaKernel);
            Arrays.sort(viaConfined);
            Arrays.sort(plain);
            double kernelMedian = micros(quantile(viaKernel, 0.5));
            double confinedMedian = micros(quantile(viaConfined, 0.5));
            double plainMedian = micros(quantile(plain, 0.5));
            ERR.printf(Locale.ROOT, "kernel-host-spawn: %d runs each; p90: host driver unconfined %.0f us, "
                    + "confined %.0f us, ProcessBuilder %.0f us%n", mode.hostRuns,
                    micros(quantile(viaKernel, 0.9)), micros(quantile(viaConfined, 0.9)),
                    micros(quantile(plain, 0.9)));
            result("host-spawn", "kernel_median_us", kernelMedian);
            result("host-spawn", "processbuilder_median_us", plainMedian);
            result("host-spawn", "ratio", String.format(Locale.ROOT, "%.2f", kernelMedian / plainMedian));
            result("host-spawn", "kernel_confined_median_us", confinedMedian);
            result("host-spawn", "confined_ratio", String.format(Locale.ROOT, "%.2f", confinedMedian / kernelMedian));
        }
    }

    // ---------------------------------------------------------------- 7. the descriptor layer

    static void descriptors() throws Exception {
        for (DescriptorBench.Figure figure : DescriptorBench.run()) {
            result("descriptors", figure.op() + "_kernel_ns", figure.kernelNs());
            result("descriptors", figure.op() + "_jimfs_ns", figure.jimfsNs());
            result("descriptors", figure.op() + "_ratio",
                    String.format(Locale.ROOT, "%.2f", figure.kernelNs() / figure.jimfsNs()));
            result("descriptors", figure.op() + "_cpu_ratio", String.format(Locale.ROOT, "%.2f", figure.cpuRatio()));
        }
    }

    // ---------------------------------------------------------------- main

    @FunctionalInterface
    private interface Scenario {
        void run() throws Exception;
    }

    /** System property {@code sandkernel.bench.kernel.only}: comma-separated scenarios to run (default all). */
    private static final String ONLY = System.getProperty("sandkernel.bench.kernel.only", "");

    private static void run(String name, Scenario scenario) {
        if (!ONLY.isBlank() && !Arrays.asList(ONLY.split(",")).contains(name)) {
            ERR.println("kernel-" + name + ": not selected (-Dsandkernel.bench.kernel.only=" + ONLY + ")");
            return;
        }
        long start = System.nanoTime();
        ERR.println("kernel-" + name + ": start (load average " + load() + ")");
        try {
            scenario.run();
        } catch (Throwable e) {
            failed = true;
            ERR.println("kernel-" + name + ": FAILED, no figure: " + e);
            e.printStackTrace(ERR);
        }
        ERR.printf(Locale.ROOT, "kernel-%s: done in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    }

    private static void usage(String problem) {
        ERR.println("usage: KernelBench [full | quick]" + (problem == null ? "" : " (" + problem + ")"));
        System.exit(2);
    }

    public static void main(String[] args) {
        if (args.length > 1) {
            usage("one argument at most");
        }
        Mode mode = args.length == 0 || args[0].equals("full") ? FULL : args[0].equals("quick") ? QUICK : null;
        if (mode == null) {
            usage("unknown mode " + args[0]);
            return;
        }
        long started = System.nanoTime();
        var runtime = ManagementFactory.getRuntimeMXBean();
        ERR.printf("%s-bench: %s %s (%s), flags %s%n", NAME, runtime.getVmName(), Runtime.version(),
                System.getProperty("java.vendor"), runtime.getInputArguments());
        ERR.printf("%s-bench: kernel scenarios, mode %s, %d processors, load average %s%n", NAME, mode.name,
                Runtime.getRuntime().availableProcessors(), load());

        // Memory first, on a heap that holds little else.
        run("idle-kernels", KernelBench::idleKernels);
        run("sleepers", KernelBench::sleepers);
        run("cold-start", () -> coldStart(mode));
        run("spawn-reap", KernelBench::spawnReap);
        run("pipeline", () -> pipeline(mode));
        run("host-spawn", () -> hostSpawn(mode));
        run("descriptors", KernelBench::descriptors);

        ERR.printf(Locale.ROOT, "%s-bench: done in %.1f s, load average %s%n", NAME,
                (System.nanoTime() - started) / 1e9, load());
        if (failed) {
            System.exit(1);
        }
    }
}
