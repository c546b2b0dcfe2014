package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandkernel.user.ProcessIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link OracleCase} on a {@link FileTreeFixture} in a fresh sandbox and with the GNU
 * binary of this machine in a fresh host directory (LC_ALL=C, TZ=UTC, PATH=/usr/bin:/bin), and
 * asserts that standard output, standard error and status agree after normalisation: each
 * side's working directory becomes {@code @CWD@}, the binary's path in messages its name, and the
 * case's own replacements and sorting apply. Cases whose binary is missing are skipped.
 */
final class OracleRunner {
    /** What one side produced, normalised. */
    record Outcome(int status, String out, String err) {}

    private static final String SANDBOX_CWD = "/home/user/work";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final FileTreeFixture fixture;
    private final Path hostRoot;

    OracleRunner(FileTreeFixture fixture, Path hostRoot) {
        this.fixture = fixture;
        this.hostRoot = hostRoot;
    }

    /** Cases run and cases agreeing, per command, for {@link #agreement}. */
    private final Map<String, int[]> tally = new java.util.TreeMap<>();

    /** Runs {@code c} on both sides and asserts that they agree; counts the outcome for {@link #agreement}. */
    void check(OracleCase c) throws Exception {
        Path binary = findBinary(c.argv().get(0));
        assumeTrue(binary != null, "no GNU " + c.argv().get(0) + " on this machine");
        boolean agreed = false;
        try {
            compare(c, binary);
            agreed = true;
        } finally {
            synchronized (tally) {
                int[] counts = tally.computeIfAbsent(c.command(), k -> new int[2]);
                counts[0] += agreed ? 1 : 0;
                counts[1]++;
            }
        }
    }

    /** The agreement per command so far, one line each: {@code find 186/186 100.0%}. */
    String agreement() {
        StringBuilder text = new StringBuilder();
        synchronized (tally) {
            for (Map.Entry<String, int[]> entry : tally.entrySet()) {
                int[] counts = entry.getValue();
                text.append(String.format(java.util.Locale.ROOT, "agreement with GNU: %-9s %4d/%-4d %5.1f%%%n",
                        entry.getKey(), counts[0], counts[1], 100.0 * counts[0] / counts[1]));
            }
        }
        return text.toString();
    }

    private void compare(OracleCase c, Path binary) throws Exception {
        Outcome gnu = runGnu(c, binary);
        Outcome ours = runSandbox(c);
        if (c.knownDifference() != null) {
            boolean same = ours.out.equals(gnu.out) && ours.err.equals(gnu.err)
                    && (c.ignoreStatus() || ours.status == gnu.status);
            assumeTrue(same, "known difference: " + c.knownDifference());
        }
        assertThat(ours.out).as("stdout of " + c + "\nstderr: " + ours.err).isEqualTo(gnu.out);
        if (!c.ignoreStatus()) {
            assertThat(ours.status).as("status of " + c + "\nstderr: " + ours.err).isEqualTo(gnu.status);
        }
        assertThat(ours.err).as("stderr of " + c).isEqualTo(gnu.err);
    }

    Outcome runSandbox(OracleCase c) {
        try (Sandbox sandbox = Sandbox.create()) {
            if (hostIsRoot()) {
                // the GNU side runs as root: so does ours, with the same names and permission rules
                sandbox.identity(new ProcessIdentity(0, 0, 0, 0, List.of(0)));
            }
            fixture.writeTo(sandbox);
            for (Map.Entry<String, String> variable : c.env().entrySet()) {
                sandbox.env(variable.getKey(), variable.getValue().replace("@CWD@", SANDBOX_CWD));
            }
            if (c.setup() != null) {
                sandbox.run(substitute(c.setup(), false).toArray(String[]::new));
            }
            Sandbox.Result result = sandbox.runWithInput(c.input(), substitute(c.argv(), false).toArray(String[]::new));
            byte[] out = result.outBytes();
            if (c.then() != null) {
                Sandbox.Result after = sandbox.run(substitute(c.then(), false).toArray(String[]::new));
                out = concat(out, after.outBytes(), after.errBytes());
            }
            return normalise(c, result.status(), out, result.errBytes(), SANDBOX_CWD, false);
        }
    }

    Outcome runGnu(OracleCase c, Path binary) throws IOException, InterruptedException {
        Path root = hostRoot.resolve("run" + RUNS.incrementAndGet());
        fixture.writeTo(root);
        Path cwd = root.toRealPath();
        if (c.setup() != null) {
            Path setupBinary = findBinary(c.setup().get(0));
            if (setupBinary != null) {
                run(c, setupBinary, substitute(c.setup(), true), cwd, "", true);
            }
        }
        Outcome outcome = run(c, binary, substitute(c.argv(), true), cwd, c.input(), true);
        String out = outcome.out();
        if (c.then() != null) {
            Path thenBinary = findBinary(c.then().get(0));
            Outcome after = run(c, thenBinary, substitute(c.then(), true), cwd, "", true);
            out = out + "--- then\n" + after.out() + after.err();
        }
        return normalise(c, outcome.status(), out.getBytes(StandardCharsets.ISO_8859_1),
                outcome.err().getBytes(StandardCharsets.ISO_8859_1), cwd.toString(), true);
    }

    private static byte[] concat(byte[] out, byte[] thenOut, byte[] thenErr) {
        byte[] marker = "--- then\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[out.length + marker.length + thenOut.length + thenErr.length];
        System.arraycopy(out, 0, all, 0, out.length);
        System.arraycopy(marker, 0, all, out.length, marker.length);
        System.arraycopy(thenOut, 0, all, out.length + marker.length, thenOut.length);
        System.arraycopy(thenErr, 0, all, out.length + marker.length + thenOut.length, thenErr.length);
        return all;
    }

    private Outcome run(OracleCase c, Path binary, List<String> argv, Path cwd, String input, boolean raw)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(argv);
        command.set(0, binary.toString());
        Path errors = Files.createTempFile(hostRoot, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().clear();
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        builder.environment().put("PATH", "/usr/bin:/bin");
        for (Map.Entry<String, String> variable : c.env().entrySet()) {
            builder.environment().put(variable.getKey(), variable.getValue().replace("@CWD@", cwd.toString()));
        }
        builder.redirectError(errors.toFile());
        Process gnu = builder.start();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (OutputStream stdin = gnu.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the command did not read its input
            }
        });
        byte[] out;
        try (InputStream stdout = gnu.getInputStream()) {
            out = stdout.readAllBytes();
        }
        if (!gnu.waitFor(20, TimeUnit.SECONDS)) {
            gnu.destroyForcibly();
            throw new IllegalStateException("GNU " + argv + " did not finish");
        }
        feeder.join(1000);
        byte[] err = Files.readAllBytes(errors);
        String errText = new String(err, StandardCharsets.ISO_8859_1).replace(binary.toString(), argv.get(0));
        String outText = new String(out, StandardCharsets.ISO_8859_1).replace(binary.toString(), argv.get(0));
        if (raw) {
            return new Outcome(gnu.exitValue(), outText, errText);
        }
        return normalise(c, gnu.exitValue(), outText.getBytes(StandardCharsets.ISO_8859_1),
                errText.getBytes(StandardCharsets.ISO_8859_1), cwd.toString(), true);
    }

    /**
     * The identity placeholders: the host runs GNU as this JVM's user; the sandbox as root when
     * that is root, else as its guest "user".
     */
    private static List<String> substitute(List<String> argv, boolean host) {
        List<String> result = new ArrayList<>();
        for (String word : argv) {
            result.add(word.replace("@USER@", host ? hostUser() : sandboxUser())
                    .replace("@GROUP@", host ? hostGroup() : sandboxUser())
                    .replace("@UID@", host ? hostId("-u") : sandboxId()).replace("@GID@", host ? hostId("-g") : sandboxId()));
        }
        return result;
    }

    private static boolean hostIsRoot() {
        return hostId("-u").equals("0");
    }

    private static String sandboxUser() {
        return hostIsRoot() ? "root" : "user";
    }

    private static String sandboxId() {
        return hostIsRoot() ? "0" : "1000";
    }

    private Outcome normalise(OracleCase c, int status, byte[] outBytes, byte[] errBytes, String cwd, boolean host) {
        String out = new String(outBytes, StandardCharsets.ISO_8859_1);
        String err = new String(errBytes, StandardCharsets.ISO_8859_1);
        out = out.replace(cwd, "@CWD@");
        err = err.replace(cwd, "@CWD@");
        for (String[] replacement : c.replacements()) {
            out = out.replaceAll(replacement[0], replacement[1]);
            err = err.replaceAll(replacement[0], replacement[1]);
        }
        if (c.owners()) {
            String user = host ? hostUser() : sandboxUser();
            String group = host ? hostGroup() : sandboxUser();
            String uid = host ? hostId("-u") : sandboxId();
            out = out.replace(user, "@USER@").replace(group, "@USER@").replaceAll("\\b" + uid + "\\b", "@UID@");
            err = err.replace(user, "@USER@").replace(group, "@USER@");
        }
        if (c.sortOutput()) {
            String separator = out.indexOf('\0') >= 0 && out.indexOf('\n') < 0 ? "\0" : "\n";
            String[] lines = out.split(separator, -1);
            boolean trailing = out.endsWith(separator);
            List<String> list = new ArrayList<>(Arrays.asList(lines).subList(0, trailing ? lines.length - 1 : lines.length));
            list.sort(null);
            out = String.join(separator, list) + (trailing ? separator : "");
        }
        return new Outcome(status, out, err);
    }

    private static final Map<String, String> HOST_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String hostUser() {
        return hostId("-un");
    }

    private static String hostGroup() {
        return hostId("-gn");
    }

    private static String hostId(String option) {
        return HOST_IDS.computeIfAbsent(option, OracleRunner::askId);
    }

    private static String askId(String option) {
        try {
            Process id = new ProcessBuilder("id", option).start();
            String text = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            id.waitFor();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static Path findBinary(String name) {
        for (String directory : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
