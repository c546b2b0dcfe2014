package io.sandkernel.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The measurement procedure shared by the benchmarks: the batch procedure of
 * {@code shared/bench/SCENARIOS.md} ("Measurement procedure": calibrate, warm up, median of 5 timed
 * batches of at least 200 ms each, plus {@code sandkernel.bench.extraWarmups} extra warm-up
 * batches), the result stream and the heap-after-GC reading.
 */
final class BatchTimer {
    /** Every warm-up and timed batch must take at least this long. */
    static final long MIN_BATCH_NS = 200_000_000L;
    /** Batch sizes are scaled to aim at this duration (margin over MIN_BATCH). */
    static final long TARGET_BATCH_NS = 300_000_000L;
    /** Calibration doubles the batch size until one batch takes this long. */
    static final long CALIBRATION_FLOOR_NS = 25_000_000L;
    static final int TIMED_BATCHES = 5;
    static final int DEFAULT_EXTRA_WARMUPS = 1;

    /** Extra warm-up batches beyond the Rust procedure's minimum of one. */
    static final int EXTRA_WARMUPS = Integer.getInteger("sandkernel.bench.extraWarmups", DEFAULT_EXTRA_WARMUPS);

    private static final PrintStream ERR = System.err;

    /**
     * Dead-code sinks: every batch folds its results into a long that ends up here, and objects
     * that must not be optimised away are stored in {@link #blackholeRef}.
     */
    static volatile long blackhole;
    static Object blackholeRef;

    private BatchTimer() {}

    /** {@code n} operations of one scenario; returns a value derived from the results (a sink). */
    @FunctionalInterface
    interface Batch {
        long run(long n) throws InterruptedException;
    }

    /**
     * Where result lines go: stdout, or the file named by system property
     * {@code sandkernel.bench.results} (opened for appending). bench.sh passes {@code /dev/fd/3}
     * and points the JVM's own stdout at stderr, so that nothing the JVM itself prints (JFR or
     * -Xlog messages when experimenting with flags) can end up among the results.
     */
    static PrintStream resultStream() {
        String path = System.getProperty("sandkernel.bench.results");
        if (path == null || path.isEmpty()) {
            return System.out;
        }
        try {
            return new PrintStream(new FileOutputStream(path, true), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the result stream " + path, e);
        }
    }

    private static long time(Batch batch, long n) throws InterruptedException {
        long start = System.nanoTime();
        long sink = batch.run(n);
        long took = System.nanoTime() - start;
        blackhole = sink;
        return took;
    }

    /** max(n, ceil(n x TARGET_BATCH / took)): the Rust harness's {@code grow}. */
    private static long grow(long n, long tookNs) {
        double factor = (double) TARGET_BATCH_NS / Math.max(tookNs, 1L);
        return Math.max((long) Math.ceil(n * factor), n);
    }

    /**
     * Calibration, warm-up and timed batches exactly as SCENARIOS.md "Measurement procedure" (plus
     * the announced extra warm-up batches); returns the median ns/op of the 5 timed batches.
     */
    static double measure(String label, Batch batch) throws InterruptedException {
        // 1. Calibrate.
        long n = 1;
        long took = time(batch, n);
        while (took < CALIBRATION_FLOOR_NS) {
            n *= 2;
            took = time(batch, n);
        }
        n = grow(n, took);

        // 2. Warm up: repeat while a batch comes in under MIN_BATCH (and, in Java, until the extra
        //    JIT warm-up batches are done too).
        int warmups = 0;
        while (true) {
            warmups++;
            took = time(batch, n);
            n = grow(n, took);
            if (took >= MIN_BATCH_NS && warmups > EXTRA_WARMUPS) {
                break;
            }
        }

        // 3. Timed: 5 batches, all >= MIN_BATCH, else grow n and run the 5 again.
        int timedSets = 0;
        while (true) {
            timedSets++;
            double[] perOp = new double[TIMED_BATCHES];
            long shortest = Long.MAX_VALUE;
            for (int i = 0; i < TIMED_BATCHES; i++) {
                took = time(batch, n);
                shortest = Math.min(shortest, took);
                perOp[i] = (double) took / n;
            }
            if (shortest < MIN_BATCH_NS) {
                n = Math.max(grow(n, shortest), n + 1);
                continue;
            }
            Arrays.sort(perOp);
            double median = perOp[TIMED_BATCHES / 2];
            ERR.printf(Locale.ROOT,
                    "  [%s] batch=%d ops, warm-ups=%d, timed sets=%d, shortest timed batch=%.0f ms, ns/op min=%.1f median=%.1f max=%.1f%n",
                    label, n, warmups, timedSets, shortest / 1e6, perOp[0], median, perOp[TIMED_BATCHES - 1]);
            return median;
        }
    }

    /**
     * Heap in use after full collections (System.gc() is one with the chosen collector), repeated
     * until the figure stops falling (at most 5 times): one collection alone sometimes leaves
     * megabytes behind.
     */
    static long heapUsedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
