package io.sandkernel.bench;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.userland.Sandkernel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the signal checkpoints cost ({@code io.sandkernel.api.Checkpoints}): the same workloads
 * with the checkpoints on and with them off ({@code -Dsandkernel.checkpoints=false}, read once per
 * JVM), each side in JVMs of its own, launched alternately (on, off, on, off...) so that the
 * machine's load falls on both alike. The figure compared is the JVM's CPU time per run
 * ({@code OperatingSystemMXBean.getProcessCpuTime}), which a loaded machine disturbs far less than
 * wall time; wall time is printed beside it. Workloads: {@code shell-loop} (a {@code while} loop of
 * 2,000,000 iterations of arithmetic in {@code sh}), {@code grep} (6 times {@code grep -c} of a
 * regular expression over 16 MB of text, every line matched through a checkpointed sequence) and
 * {@code sort} (6 times 200,000 random lines, every comparison counted).
 *
 * <p>Usage: {@code CheckpointBench [full | quick]}: full runs 3 JVMs a side, quick 1; each JVM
 * warms up once and times 3 runs of each workload (its fastest counts), the median over a side's
 * JVMs is reported. Result lines on stdout: {@code sandkernel checkpoints-<workload> on_cpu_ms=..
 * off_cpu_ms=.. slowdown_pct=.. on_wall_ms=.. off_wall_ms=.. on_per_cpu_s=.. unit=..}.
 * A child JVM is started with {@code CheckpointBench child}.
 */
public final class CheckpointBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int LOOP = 2_000_000;
    /** Repetitions of grep and sort in one run: enough CPU that the clock's 10 ms ticks do not matter. */
    private static final int REPEAT = 6;
    private static final int GREP_BYTES = 16 << 20;
    private static final int SORT_LINES = 200_000;

    /** A workload: its script and how much work one run is, in its unit. */
    private record Workload(String script, double amount, String unit) {}

    private static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("shell-loop", new Workload(
                "i=0; while [ \"$i\" -lt " + LOOP + " ]; do i=$((i + 1)); done; echo $i", LOOP, "iterations"));
        WORKLOADS.put("grep", new Workload("for i in $(seq " + REPEAT + "); do grep -c 'b[0-9]*a[a-z]*q' /tmp/text; done",
                REPEAT * GREP_BYTES / 1e6, "MB"));
        WORKLOADS.put("sort", new Workload("for i in $(seq " + REPEAT + "); do sort /tmp/lines | tail -n 1; done",
                REPEAT * SORT_LINES, "lines"));
    }

    private CheckpointBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("child")) {
            child();
            return;
        }
        String mode = args.length == 0 ? "full" : args[0];
        int jvms = mode.equals("quick") ? 1 : 3;
        PrintStream out = BatchTimer.resultStream();
        Map<String, List<Long>> on = new LinkedHashMap<>();
        Map<String, List<Long>> off = new LinkedHashMap<>();
        for (int round = 0; round < jvms; round++) {
            collect(runChild(true), on);
            collect(runChild(false), off);
        }
        for (Map.Entry<String, Workload> entry : WORKLOADS.entrySet()) {
            String name = entry.getKey();
            long onCpu = median(on.get(name + ".cpu"));
            long offCpu = median(off.get(name + ".cpu"));
            out.printf(Locale.ROOT, "sandkernel checkpoints-%s on_cpu_ms=%d off_cpu_ms=%d slowdown_pct=%.1f "
                            + "on_wall_ms=%d off_wall_ms=%d on_per_cpu_s=%.0f off_per_cpu_s=%.0f unit=%s%n",
                    name, onCpu, offCpu, 100.0 * (onCpu - offCpu) / offCpu, median(on.get(name + ".wall")),
                    median(off.get(name + ".wall")), entry.getValue().amount() * 1000 / onCpu,
                    entry.getValue().amount() * 1000 / offCpu, entry.getValue().unit());
        }
    }

    /** Runs one child JVM with the checkpoints on or off; its lines are "workload millis". */
    private static List<String> runChild(boolean checkpoints) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-Dsandkernel.")) {
                command.add(flag);
            }
        }
        command.add("-Dsandkernel.checkpoints=" + checkpoints);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CheckpointBench.class.getName(), "child"));
        System.err.println("checkpoint-bench: checkpoints " + (checkpoints ? "on" : "off"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("a checkpoint-bench child failed");
        }
        return lines;
    }

    /** Lines "workload wall_ms cpu_ms" into lists by "workload.wall" and "workload.cpu". */
    private static void collect(List<String> lines, Map<String, List<Long>> into) {
        for (String line : lines) {
            String[] parts = line.split(" ");
            into.computeIfAbsent(parts[0] + ".wall", k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
            into.computeIfAbsent(parts[0] + ".cpu", k -> new ArrayList<>()).add(Long.parseLong(parts[2]));
        }
    }

    /** One JVM's measurements: a warm-up, then the fastest of 3 runs of each workload. */
    private static void child() {
        KernelLimits limits = KernelLimits.defaults().withMaxFilesystemBytes(256L << 20);
        try (Kernel kernel = Sandkernel.builder().limits(limits).build()) {
            kernel.writeFile("/tmp/text", text());
            kernel.writeFile("/tmp/lines", lines());
            for (Map.Entry<String, Workload> entry : WORKLOADS.entrySet()) {
                run(kernel, entry.getValue().script());
                long wall = Long.MAX_VALUE;
                long cpu = Long.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    long cpuStart = processCpu();
                    wall = Math.min(wall, run(kernel, entry.getValue().script()));
                    cpu = Math.min(cpu, (processCpu() - cpuStart) / 1_000_000);
                }
                System.out.println(entry.getKey() + " " + wall + " " + cpu);
            }
        }
    }

    private static long run(Kernel kernel, String script) {
        long start = System.nanoTime();
        ExecResult result = kernel.exec(script, ExecOptions.defaults().withTimeout(TIMEOUT));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.exitCode() != 0 || result.timedOut()) {
            throw new IllegalStateException(script + ": status " + result.exitCode() + " " + result.stderr());
        }
        return millis;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Lines of words and numbers, a few of them matching the grep expression. */
    private static byte[] text() {
        Random random = new Random(1);
        StringBuilder text = new StringBuilder(GREP_BYTES + 100);
        while (text.length() < GREP_BYTES) {
            int words = 4 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                int length = 2 + random.nextInt(8);
                for (int c = 0; c < length; c++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append(w % 3 == 0 ? Integer.toString(random.nextInt(1000)) : "").append(' ');
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] lines() {
        Random random = new Random(2);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SORT_LINES; i++) {
            text.append(Long.toString(random.nextLong() >>> 1, 36)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
