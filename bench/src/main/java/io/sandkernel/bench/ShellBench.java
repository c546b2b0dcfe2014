package io.sandkernel.bench;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shell interpreter against the host's dash and bash: the same POSIX scripts run by
 * Sandkernel's {@code bash} and {@code sh} (each {@code -c} in a new kernel) and by
 * {@code /usr/bin/bash} and {@code /usr/bin/dash} as host processes, interleaved run by run so
 * that the machine's load falls on all four alike; the median wall time of each, and the ratios
 * Sandkernel bash / bash and Sandkernel sh / dash.
 *
 * <p>Workloads: {@code arith} (1,000,000 iterations of a loop doing arithmetic), {@code calls}
 * (100,000 function calls), {@code strings} (10,000 concatenations to a growing string, then
 * trims), {@code case} (200,000 case matches over four patterns), {@code pipes} (1,000 command
 * substitutions of a three-command pipeline).
 *
 * <p>Usage: {@code ShellBench [full | quick]}: full runs each workload once to warm the JIT up
 * and then 5 times, quick 2 times. Result lines on stdout: {@code sandkernel shell-<workload>
 * sandkernel_bash_ms=.. sandkernel_sh_ms=.. bash_ms=.. dash_ms=.. ratio_bash=.. ratio_dash=..}.
 * A host shell that is missing is skipped (its figures are -1).
 */
public final class ShellBench {
    private static final PrintStream OUT = BatchTimer.resultStream();
    private static final PrintStream ERR = System.err;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** The workloads, POSIX sh so that dash runs them too. */
    static final Map<String, String> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("arith", """
                i=0; s=0
                while [ "$i" -lt 1000000 ]; do
                  s=$((s + i % 7))
                  i=$((i + 1))
                done
                echo "$s"
                """);
        WORKLOADS.put("calls", """
                add() { r=$(($1 + $2)); }
                i=0; t=0
                while [ "$i" -lt 100000 ]; do
                  add "$t" "$i"; t=$r
                  i=$((i + 1))
                done
                echo "$t"
                """);
        WORKLOADS.put("strings", """
                s=""; i=0
                while [ "$i" -lt 10000 ]; do
                  s="$s$i,"
                  i=$((i + 1))
                done
                t=${s%,}
                echo "${#s} ${t##*,}"
                """);
        WORKLOADS.put("case", """
                i=0; a=0; b=0; c=0; d=0
                while [ "$i" -lt 200000 ]; do
                  case "item$((i % 5))x" in
                    item0*) a=$((a + 1)) ;;
                    *1x|*2x) b=$((b + 1)) ;;
                    item[3]?) c=$((c + 1)) ;;
                    *) d=$((d + 1)) ;;
                  esac
                  i=$((i + 1))
                done
                echo "$a $b $c $d"
                """);
        WORKLOADS.put("pipes", """
                i=0; n=0
                while [ "$i" -lt 1000 ]; do
                  n=$(echo "$i" | tr 0-9 a-j | wc -c)
                  i=$((i + 1))
                done
                echo "$n"
                """);
    }

    private ShellBench() {}

    /** One run's wall time and output. */
    record Run(long millis, String output) {}

    static Run sandkernel(String shell, String script) {
        try (Kernel kernel = Sandkernel.newKernel()) {
            long start = System.nanoTime();
            ExecResult result = kernel.exec(List.of(shell, "-c", script), ExecOptions.defaults().withTimeout(TIMEOUT));
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (result.exitCode() != 0 || !result.stderr().isEmpty()) {
                ERR.println("shell-bench: sandkernel " + shell + " status " + result.exitCode() + ": " + result.stderr());
            }
            return new Run(millis, result.stdout().strip());
        }
    }

    static Run host(String path, String script) throws Exception {
        Path out = Files.createTempFile("shell-bench", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(path, "-c", script).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("LC_ALL", "C");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(path + " timed out");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Run(millis, Files.readString(out, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String ratio(long a, long b) {
        return a < 0 || b <= 0 ? "-1" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "full";
        int reps = mode.equals("quick") ? 2 : 5;
        boolean haveBash = new File("/usr/bin/bash").canExecute();
        boolean haveDash = new File("/usr/bin/dash").canExecute();
        if (!haveBash || !haveDash) {
            ERR.println("shell-bench: missing host shells (bash " + haveBash + ", dash " + haveDash + "): skipped");
        }
        String only = System.getProperty("sandkernel.bench.shell.only", "");
        for (Map.Entry<String, String> workload : WORKLOADS.entrySet()) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(workload.getKey())) {
                continue;
            }
            String script = workload.getValue();
            sandkernel("bash", script); // warm-up: the JIT compiles the interpreter
            sandkernel("sh", script);
            List<Long> skBash = new ArrayList<>();
            List<Long> skSh = new ArrayList<>();
            List<Long> bash = new ArrayList<>();
            List<Long> dash = new ArrayList<>();
            String expected = null;
            for (int rep = 0; rep < reps; rep++) {
                Run run = sandkernel("bash", script);
                skBash.add(run.millis());
                expected = run.output();
                run = sandkernel("sh", script);
                skSh.add(run.millis());
                check(workload.getKey(), "sandkernel sh", expected, run.output());
                if (haveBash) {
                    run = host("/usr/bin/bash", script);
                    bash.add(run.millis());
                    check(workload.getKey(), "bash", expected, run.output());
                }
                if (haveDash) {
                    run = host("/usr/bin/dash", script);
                    dash.add(run.millis());
                    check(workload.getKey(), "dash", expected, run.output());
                }
            }
            long skBashMs = median(skBash);
            long skShMs = median(skSh);
            long bashMs = median(bash);
            long dashMs = median(dash);
            OUT.println("sandkernel shell-" + workload.getKey() + " sandkernel_bash_ms=" + skBashMs
                    + " sandkernel_sh_ms=" + skShMs + " bash_ms=" + bashMs + " dash_ms=" + dashMs
                    + " ratio_bash=" + ratio(skBashMs, bashMs) + " ratio_dash=" + ratio(skShMs, dashMs));
            OUT.flush();
        }
    }

    private static void check(String workload, String who, String expected, String actual) {
        if (!expected.equals(actual)) {
            ERR.println("shell-bench: " + workload + ": " + who + " printed " + actual + ", Sandkernel bash " + expected);
        }
    }
}
