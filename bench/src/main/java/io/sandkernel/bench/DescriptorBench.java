package io.sandkernel.bench;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Program;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of the descriptor layer: each operation through a program's system calls (a JVM
 * program's {@link ProcessApi}, signal checkpoints included: descriptor table, open file
 * description, VFS, accounting, the in-memory backend) against the same operation straight on a
 * Jimfs filesystem with a {@link FileChannel}, in the same thread. Operations: {@code open} +
 * {@code close} of a small file that no other descriptor holds open (so the kernel's per-file
 * bookkeeping is not already there), the same alternating between two such files
 * ({@code open_close_two}: the kernel keeps only the last path it resolved, so each open walks the
 * path again), {@code stat}, and 1-byte and 64 KiB {@code read} and
 * {@code write} at a moving offset within a 1 MiB file, rewound to its start once per pass on both
 * sides (so that files do not grow).
 *
 * <p>Each operation is measured twice: wall-clock time with the batch procedure of
 * {@link BatchTimer}, then the CPU time of the measuring thread in {@value #CPU_ROUNDS} rounds that
 * alternate the kernel and Jimfs. The second figure is the one to compare on a loaded machine:
 * time spent waiting for a core is not counted, and a change of load hits both sides alike.
 *
 * <p>Result lines: {@code sandkernel kernel-descriptors <op>_kernel_ns=}, {@code <op>_jimfs_ns=}
 * and {@code <op>_ratio=} (wall clock, kernel over Jimfs; the goal is at most 1.3), and
 * {@code <op>_cpu_ratio=} (the median of the rounds' CPU-time ratios).
 */
final class DescriptorBench {
    private static final int FILE_SIZE = 1 << 20;
    private static final String FILE = "/tmp/bench-file";
    private static final String SMALL_FILE = "/tmp/bench-open";
    private static final String OTHER_SMALL_FILE = "/tmp/bench-open-2";
    private static final int CPU_ROUNDS = 9;
    /** The CPU time each side of a round aims at. */
    private static final long CPU_ROUND_NS = 50_000_000L;
    private static final PrintStream ERR = System.err;

    private DescriptorBench() {}

    /**
     * One measured operation: its kernel and Jimfs figures (wall clock), and the median ratio of
     * their CPU times in alternating rounds.
     */
    record Figure(String op, double kernelNs, double jimfsNs, double cpuRatio) {}

    /** An operation done {@code n} times. */
    @FunctionalInterface
    private interface Op {
        long run(long n) throws Exception;
    }

    static List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        Exception[] failure = new Exception[1];
        Program body = p -> {
            // One platform thread of the process runs both sides, so that neither pays for
            // virtual-thread scheduling the other does not.
            Thread measuring = Thread.ofPlatform().name("descriptor-bench").start(() -> {
                try (FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                        .setAttributeViews("basic", "owner", "posix", "unix").setBlockSize(4096)
                        .setMaxCacheSize(0).build())) {
                    measureAll(p, jimfs, figures);
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            measuring.join();
            return 0;
        };
        try (Kernel kernel = Sandkernel.builder(Map.of("descriptor-bench", body)).build()) {
            ExecResult result = kernel.exec("descriptor-bench");
            if (failure[0] != null) {
                throw failure[0];
            }
            if (!result.succeeded()) {
                throw new IllegalStateException("descriptor-bench failed: " + result);
            }
        }
        return figures;
    }

    private static void measureAll(ProcessApi p, FileSystem jimfs, List<Figure> figures) throws Exception {
        byte[] content = new byte[FILE_SIZE];
        int fd = p.open(FILE, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        for (int at = 0; at < FILE_SIZE; ) {
            at += p.write(fd, content, at, FILE_SIZE - at);
        }
        int small = p.open(SMALL_FILE, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        p.write(small, content, 0, 100);
        p.close(small);
        p.close(p.open(OTHER_SMALL_FILE, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644));
        Path path = jimfs.getPath("/bench-file");
        Files.write(path, content);
        Path smallPath = jimfs.getPath("/bench-open");
        Files.write(smallPath, new byte[100]);
        Path otherSmallPath = jimfs.getPath("/bench-open-2");
        Files.write(otherSmallPath, new byte[0]);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            figures.add(measure("open_close", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    int opened = p.open(SMALL_FILE, OpenFlags.O_RDONLY, 0);
                    p.close(opened);
                    sink += opened;
                }
                return sink;
            }, n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    FileChannel opened = FileChannel.open(smallPath, StandardOpenOption.READ);
                    opened.close();
                    sink += opened.hashCode();
                }
                return sink;
            }));
            figures.add(measure("open_close_two", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    int opened = p.open((i & 1) == 0 ? SMALL_FILE : OTHER_SMALL_FILE, OpenFlags.O_RDONLY, 0);
                    p.close(opened);
                    sink += opened;
                }
                return sink;
            }, n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    FileChannel opened = FileChannel.open((i & 1) == 0 ? smallPath : otherSmallPath,
                            StandardOpenOption.READ);
                    opened.close();
                    sink += opened.hashCode();
                }
                return sink;
            }));
            figures.add(measure("stat", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    sink += p.stat(FILE).size();
                }
                return sink;
            }, n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    sink += Files.readAttributes(path, PosixFileAttributes.class).size();
                }
                return sink;
            }));
            for (int size : new int[] {1, 64 * 1024}) {
                String label = size == 1 ? "1b" : "64k";
                byte[] buffer = new byte[size];
                ByteBuffer nio = ByteBuffer.wrap(buffer);
                long perPass = FILE_SIZE / size; // operations from the start of the file to its end
                figures.add(measure("read_" + label, n -> {
                    long sink = 0;
                    for (long i = 0; i < n; i++) {
                        if (i % perPass == 0) {
                            p.lseek(fd, 0, OpenFlags.SEEK_SET);
                        }
                        sink += p.read(fd, buffer, 0, size);
                    }
                    return sink;
                }, n -> {
                    long sink = 0;
                    for (long i = 0; i < n; i++) {
                        if (i % perPass == 0) {
                            channel.position(0);
                        }
                        sink += channel.read(nio.clear());
                    }
                    return sink;
                }));
                figures.add(measure("write_" + label, n -> {
                    long sink = 0;
                    for (long i = 0; i < n; i++) {
                        if (i % perPass == 0) {
                            p.lseek(fd, 0, OpenFlags.SEEK_SET);
                        }
                        sink += p.write(fd, buffer, 0, size);
                    }
                    return sink;
                }, n -> {
                    long sink = 0;
                    for (long i = 0; i < n; i++) {
                        if (i % perPass == 0) {
                            channel.position(0);
                        }
                        sink += channel.write(nio.clear());
                    }
                    return sink;
                }));
            }
        }
        p.close(fd);
    }

    private static Figure measure(String op, Op kernel, Op jimfs) throws InterruptedException {
        double kernelNs = BatchTimer.measure("descriptors " + op + " kernel", n -> call(kernel, n));
        double jimfsNs = BatchTimer.measure("descriptors " + op + " jimfs", n -> call(jimfs, n));
        double cpuRatio = cpuRatio(op, kernel, jimfs, (long) Math.max(1, CPU_ROUND_NS / Math.max(kernelNs, jimfsNs)));
        ERR.printf(Locale.ROOT, "kernel-descriptors: %s kernel %.1f ns, jimfs %.1f ns, ratio %.2f; CPU-time ratio %.2f%n",
                op, kernelNs, jimfsNs, kernelNs / jimfsNs, cpuRatio);
        return new Figure(op, kernelNs, jimfsNs, cpuRatio);
    }

    /** The median over {@value #CPU_ROUNDS} rounds of kernel CPU time over Jimfs CPU time, {@code n} operations each. */
    private static double cpuRatio(String op, Op kernel, Op jimfs, long n) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ratios = new double[CPU_ROUNDS];
        for (int round = 0; round < CPU_ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            BatchTimer.blackhole = call(kernel, n);
            long middle = threads.getCurrentThreadCpuTime();
            BatchTimer.blackhole = call(jimfs, n);
            long end = threads.getCurrentThreadCpuTime();
            ratios[round] = (double) (middle - start) / Math.max(1, end - middle);
            ERR.printf(Locale.ROOT, "kernel-descriptors: %s CPU round %d: kernel %.1f ns, jimfs %.1f ns%n", op, round,
                    (double) (middle - start) / n, (double) (end - middle) / n);
        }
        Arrays.sort(ratios);
        return ratios[CPU_ROUNDS / 2];
    }

    private static long call(Op op, long n) {
        try {
            return op.run(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
