package io.sandkernel.bench;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.userland.Sandkernel;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Sandkernel's commands against the GNU programs of this machine on the same data, interleaved
 * run by run: {@code sed s///g}, {@code awk '{s+=$1} END{print s}'}, {@code sort}, {@code grep -c}
 * over a generated text file, and {@code find} over a tree of 10,000 files. Sandkernel runs each
 * command line through its {@code sh -c} on a kernel whose in-memory filesystem holds the data;
 * GNU runs the same line through {@code /bin/sh -c} on a copy in a host temporary directory. Both
 * run in the C.UTF-8 locale (the kernel's default), output to /dev/null or counted.
 *
 * <p>First, start-up: {@code echo}, {@code sed}, {@code awk} and {@code jq} one-liners, each run
 * once cold (the first use of the command in this JVM: its classes load then) and then 30 times,
 * giving the first run's time and the median of the others ({@code sandkernel
 * coreutils-startup-<command> first_ms=.. median_us=..}).
 *
 * <p>Usage: {@code CoreutilsBench [full | quick]}: full uses 100 MB of text and 3 runs each after
 * a warm-up run (find 15); quick 10 MB and 2 runs (find 10). Result lines: {@code sandkernel coreutils-<workload>
 * sandkernel_ms=.. gnu_ms=.. ratio=.. sandkernel_mb_s=.. gnu_mb_s=..} (ratio = Sandkernel's time /
 * GNU's; for find, files per second instead of MB/s). An output that differs between the two is
 * reported on stderr.
 */
public final class CoreutilsBench {
    private static final PrintStream OUT = BatchTimer.resultStream();
    private static final PrintStream ERR = System.err;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int TREE_FILES = 10_000;
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "foo", "error", "warning", "request",
        "user", "value", "timeout", "kernel", "process", "signal", "stream", "buffer"};

    private CoreutilsBench() {}

    /** The command lines, each run in the directory holding {@code text.txt} and {@code tree/}. */
    static Map<String, String> workloads() {
        Map<String, String> workloads = new LinkedHashMap<>();
        workloads.put("sed", "sed 's/foo/bar/g' text.txt > /dev/null");
        workloads.put("awk", "awk '{s+=$1} END{print s}' text.txt");
        workloads.put("sort", "sort text.txt > /dev/null");
        workloads.put("grep", "grep -c error text.txt");
        workloads.put("find", "find tree -name '*7*.txt' | wc -l");
        return workloads;
    }

    /** Deterministic log-like lines: a number, then words, some with "foo" and "error". */
    static byte[] text(long size) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder((int) size + 200);
        while (text.length() < size) {
            text.append(random.nextInt(100_000));
            int words = 4 + random.nextInt(8);
            for (int i = 0; i < words; i++) {
                text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One run's wall time and what it printed. */
    record Run(long millis, String output) {}

    static Run sandkernel(Kernel kernel, String line) {
        long start = System.nanoTime();
        ExecResult result = kernel.exec(List.of("sh", "-c", "cd /tmp/data && " + line), ExecOptions.defaults().withTimeout(TIMEOUT));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.exitCode() != 0 || !result.stderr().isEmpty()) {
            ERR.println("coreutils-bench: sandkernel status " + result.exitCode() + ": " + result.stderr());
        }
        return new Run(millis, result.stdout().strip());
    }

    static Run gnu(Path directory, String line) throws IOException, InterruptedException {
        Path out = Files.createTempFile("coreutils-bench", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", line).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("LC_ALL", "C.UTF-8");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(line + " timed out");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Run(millis, Files.readString(out, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "full";
        boolean quick = mode.equals("quick");
        long size = (quick ? 10L : 100L) << 20;
        int reps = quick ? 2 : 3;
        byte[] text = text(size);
        Path host = Files.createTempDirectory("coreutils-bench");
        KernelLimits limits = KernelLimits.defaults().withMaxFilesystemBytes(4 * size + (64L << 20))
                .withMaxInodes(TREE_FILES * 2 + 1024).withMemoryBytes(6 * size + (256L << 20));
        try (Kernel kernel = Sandkernel.builder().limits(limits).build()) {
            kernel.exec(List.of("mkdir", "-p", "/tmp/data"), ExecOptions.defaults());
            kernel.writeFile("/tmp/data/text.txt", text);
            Files.write(host.resolve("text.txt"), text);
            makeTree(kernel, host);
            String only = System.getProperty("sandkernel.bench.coreutils.only", "");
            if (only.isEmpty() || List.of(only.split(",")).contains("startup")) {
                startup(kernel);
            }
            for (Map.Entry<String, String> workload : workloads().entrySet()) {
                if (!only.isEmpty() && !List.of(only.split(",")).contains(workload.getKey())) {
                    continue;
                }
                String line = workload.getValue();
                sandkernel(kernel, line); // warm-up: the JIT compiles the command
                List<Long> ours = new ArrayList<>();
                List<Long> theirs = new ArrayList<>();
                boolean files = workload.getKey().equals("find");
                int runs = files ? reps * 5 : reps; // a find takes tens of milliseconds: more runs for a steadier median
                for (int rep = 0; rep < runs; rep++) {
                    Run run = sandkernel(kernel, line);
                    ours.add(run.millis());
                    Run reference = gnu(host, line);
                    theirs.add(reference.millis());
                    if (!run.output().equals(reference.output())) {
                        ERR.println("coreutils-bench: " + workload.getKey() + ": sandkernel printed " + run.output()
                                + ", GNU " + reference.output());
                    }
                }
                long oursMs = Math.max(1, median(ours));
                long theirsMs = Math.max(1, median(theirs));
                double amount = files ? TREE_FILES : text.length / 1e6;
                String unit = files ? "_files_s=" : "_mb_s=";
                OUT.println("sandkernel coreutils-" + workload.getKey() + " sandkernel_ms=" + oursMs + " gnu_ms=" + theirsMs
                        + " ratio=" + format((double) oursMs / theirsMs)
                        + " sandkernel" + unit + format(amount * 1000 / oursMs) + " gnu" + unit + format(amount * 1000 / theirsMs));
                OUT.flush();
            }
        } finally {
            try (Stream<Path> files = Files.walk(host)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The one-liners of the start-up measurement. */
    static Map<String, List<String>> oneLiners() {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        lines.put("echo", List.of("echo", "hi"));
        lines.put("sed", List.of("sed", "-n", "s/x/y/p", "/etc/hostname"));
        lines.put("awk", List.of("awk", "BEGIN { print 1 + 1 }"));
        lines.put("jq", List.of("jq", "-n", "{a: 1} | .a"));
        return lines;
    }

    private static void startup(Kernel kernel) {
        for (Map.Entry<String, List<String>> line : oneLiners().entrySet()) {
            long start = System.nanoTime();
            ExecResult first = kernel.exec(line.getValue(), ExecOptions.defaults().withTimeout(TIMEOUT));
            long firstNanos = System.nanoTime() - start;
            if (first.exitCode() != 0) {
                ERR.println("coreutils-bench: " + line.getKey() + " status " + first.exitCode() + ": " + first.stderr());
            }
            List<Long> later = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long again = System.nanoTime();
                kernel.exec(line.getValue(), ExecOptions.defaults().withTimeout(TIMEOUT));
                later.add(System.nanoTime() - again);
            }
            OUT.println("sandkernel coreutils-startup-" + line.getKey() + " first_ms=" + format(firstNanos / 1e6)
                    + " median_us=" + format(median(later) / 1e3));
            OUT.flush();
        }
    }

    /** 10,000 small files in 100 directories, in the kernel and on the host alike. */
    private static void makeTree(Kernel kernel, Path host) throws IOException {
        int directories = 100;
        StringBuilder mkdir = new StringBuilder("mkdir -p");
        for (int d = 0; d < directories; d++) {
            mkdir.append(" /tmp/data/tree/d").append(d);
        }
        kernel.exec(List.of("sh", "-c", mkdir.toString()), ExecOptions.defaults());
        byte[] content = "x\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < TREE_FILES; i++) {
            String relative = "tree/d" + (i % directories) + "/f" + i + ".txt";
            kernel.writeFile("/tmp/data/" + relative, content);
            Path file = host.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
    }
}
