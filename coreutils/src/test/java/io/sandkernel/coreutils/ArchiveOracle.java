package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Runs {@link ArchiveCase}s in Sandkernel and with the GNU tools, each side in its own copy of
 * the fixture, and compares standard output, standard error, the last exit status and the trees
 * left behind ({@link ArchiveFixture#describe}: archives read back with GNU's tools, so an
 * archive Sandkernel wrote must list and extract under GNU as GNU's own). Keeps per-command
 * agreement counts.
 */
final class ArchiveOracle {
    private static final Map<String, AtomicIntegerArray> TALLY = new ConcurrentHashMap<>();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path fixture;
    private final Path work;

    ArchiveOracle(Path work) throws IOException, InterruptedException {
        this.work = work;
        this.fixture = work.resolve("fixture");
        ArchiveFixture.build(fixture);
    }

    /** What one side did. */
    private record Outcome(int status, String out, String err, Map<String, String> tree) {}

    void check(ArchiveCase c) throws Exception {
        for (List<String> step : c.steps) {
            assumeTrue(GnuDifferentialTest.findBinary(step.get(0)) != null, "no " + step.get(0) + " on this machine");
        }
        Outcome gnu = gnu(c);
        Outcome ours = ours(c);
        String ourOut = c.unordered ? sorted(ours.out) : ours.out;
        String theirOut = c.unordered ? sorted(gnu.out) : gnu.out;
        String ourErr = c.unordered ? sorted(ours.err) : ours.err;
        String theirErr = c.unordered ? sorted(gnu.err) : gnu.err;
        boolean same = ourOut.equals(theirOut) && ourErr.equals(theirErr) && ours.status == gnu.status
                && ours.tree.equals(gnu.tree);
        AtomicIntegerArray tally = TALLY.computeIfAbsent(c.command, k -> new AtomicIntegerArray(2));
        tally.incrementAndGet(1);
        if (same) {
            tally.incrementAndGet(0);
            return;
        }
        if (c.knownDifference != null) {
            abort("known difference: " + c.knownDifference);
        }
        String what = c.arguments().get()[0].toString();
        assertThat(ourOut).as("stdout of " + what + "\nour stderr: " + ours.err + "\ntheirs: " + gnu.err)
                .isEqualTo(theirOut);
        assertThat(ourErr).as("stderr of " + what).isEqualTo(theirErr);
        assertThat(ours.status).as("status of " + what).isEqualTo(gnu.status);
        Map<String, String> ourDifferences = new TreeMap<>(ours.tree);
        Map<String, String> theirDifferences = new TreeMap<>(gnu.tree);
        ours.tree.forEach((path, description) -> {
            if (description.equals(gnu.tree.get(path))) {
                ourDifferences.remove(path);
                theirDifferences.remove(path);
            }
        });
        assertThat(ourDifferences).as("tree after " + what).isEqualTo(theirDifferences);
    }

    private static String sorted(String text) {
        String[] lines = text.split("\n", -1);
        Arrays.sort(lines);
        return String.join("\n", lines);
    }

    private Outcome gnu(ArchiveCase c) throws IOException, InterruptedException {
        Path dir = work.resolve("gnu" + RUNS.incrementAndGet());
        ArchiveFixture.copyTo(fixture, dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = 0;
        for (int i = 0; i < c.steps.size(); i++) {
            ProcessBuilder builder = new ProcessBuilder(c.steps.get(i)).directory(dir.toFile());
            builder.environment().clear();
            builder.environment().put("LC_ALL", "C");
            builder.environment().put("TZ", "UTC");
            builder.environment().put("PATH", "/usr/bin:/bin");
            Path errors = work.resolve("err" + RUNS.incrementAndGet());
            builder.redirectError(errors.toFile());
            Process process = builder.start();
            byte[] input = i == 0 ? c.input.getBytes(StandardCharsets.UTF_8) : new byte[0];
            Thread feeder = Thread.ofVirtual().start(() -> {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    // the command did not read all of its input
                }
            });
            try (InputStream stdout = process.getInputStream()) {
                stdout.transferTo(out);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(c.steps.get(i) + " did not finish");
            }
            feeder.join(1000);
            err.write(Files.readAllBytes(errors));
            status = process.exitValue();
        }
        return new Outcome(status, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1),
                ArchiveFixture.describe(dir, work));
    }

    private Outcome ours(ArchiveCase c) throws IOException, InterruptedException {
        try (Sandbox sandbox = Sandbox.create()) {
            ArchiveFixture.copyTo(fixture, sandbox);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = 0;
            for (int i = 0; i < c.steps.size(); i++) {
                Sandbox.Result result = sandbox.runWithInput(i == 0 ? c.input : "",
                        c.steps.get(i).toArray(String[]::new));
                out.write(result.outBytes());
                err.write(result.errBytes());
                status = result.status();
            }
            return new Outcome(status, out.toString(StandardCharsets.ISO_8859_1),
                    err.toString(StandardCharsets.ISO_8859_1), ArchiveFixture.describe(sandbox, work));
        }
    }

    /** Prints the agreement per command. */
    static void report() {
        StringBuilder b = new StringBuilder("agreement with the GNU archive tools:\n");
        new TreeMap<>(TALLY).forEach((command, tally) -> b.append(String.format("  %-6s %4d/%-4d %5.1f%%%n", command,
                tally.get(0), tally.get(1), 100.0 * tally.get(0) / Math.max(1, tally.get(1)))));
        System.out.print(b);
    }
}
