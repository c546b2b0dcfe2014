package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the same command line on the same files and input through a coreutils command and through
 * the GNU binary of this machine (LC_ALL=C), comparing standard output, standard error (with the
 * binary's path shortened to its name) and exit status, byte for byte. Cases whose binary is not
 * installed are skipped. The GNU side runs up front on a small thread pool; ours runs on a fresh
 * kernel per case. A second table runs with standard output on /dev/full on both sides, so that
 * write errors are worded and given the status GNU gives them; a third in the C.UTF-8 locale
 * (the kernel's default LANG), for the commands that count or match characters.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GnuDifferentialTest {
    /** What the GNU binary did; output decoded byte for byte (ISO-8859-1). */
    record Gnu(int status, String out, String err) {}

    private static final Path DEV_FULL = Path.of("/dev/full");
    private static final Map<String, CompletableFuture<Gnu>> GNU = new ConcurrentHashMap<>();
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static ExecutorService pool;

    @TempDir
    static Path hosts;

    /** Runs every GNU command line up front, a few at a time, so the table stays fast. */
    @BeforeAll
    static void runGnuCommands() {
        pool = Executors.newFixedThreadPool(4);
        GnuCases.cases().forEach(arguments -> start(arguments, false, false));
        if (Files.isWritable(DEV_FULL)) {
            GnuCases.fullDeviceCases().forEach(arguments -> start(arguments, true, false));
        }
        GnuCases.utf8Cases().forEach(arguments -> start(arguments, false, true));
    }

    private static void start(org.junit.jupiter.params.provider.Arguments arguments, boolean full, boolean utf8) {
        Object[] values = arguments.get();
        @SuppressWarnings("unchecked")
        List<String> argv = (List<String>) values[2];
        String input = (String) values[1];
        Path binary = findBinary(argv.get(0));
        if (binary != null) {
            GNU.computeIfAbsent(key(argv, input, full) + (utf8 ? "\u0003" : ""),
                    k -> CompletableFuture.supplyAsync(() -> utf8
                            ? runGnu(hosts, GnuCases.FILES, binary, argv, input.getBytes(StandardCharsets.ISO_8859_1), false, "C.UTF-8")
                            : runGnu(hosts, GnuCases.FILES, binary, argv, input, full), pool));
        }
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private static String key(List<String> argv, String input, boolean full) {
        return String.join("\u0000", argv) + "\u0001" + input + (full ? "\u0002" : "");
    }

    /** Writes {@code files} (path to content) under {@code directory}. */
    static void writeFixtures(Path directory, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    /**
     * Runs {@code argv} with {@code binary} as its program, in a fresh directory under {@code hosts}
     * holding {@code files}, with {@code input} on standard input (LC_ALL=C, TZ=UTC).
     */
    static Gnu runGnu(Path hosts, Map<String, String> files, Path binary, List<String> argv, String input,
                      boolean full) {
        return runGnu(hosts, files, binary, argv, input.getBytes(StandardCharsets.UTF_8), full, "C");
    }

    /** As above, with {@code input} as bytes and LC_ALL set to {@code locale}. */
    static Gnu runGnu(Path hosts, Map<String, String> files, Path binary, List<String> argv, byte[] input,
                      boolean full, String locale) {
        try {
            Path host = hosts.resolve("run" + RUNS.incrementAndGet());
            Path errors = hosts.resolve("stderr" + RUNS.incrementAndGet());
            writeFixtures(host, files);
            List<String> command = new ArrayList<>(argv);
            command.set(0, binary.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(host.toFile());
            builder.environment().clear();
            builder.environment().put("LC_ALL", locale);
            builder.environment().put("TZ", "UTC");
            builder.environment().put("PATH", "/usr/bin:/bin");
            builder.redirectError(errors.toFile());
            if (full) {
                builder.redirectOutput(DEV_FULL.toFile());
            }
            Process gnu = builder.start();
            try (OutputStream stdin = gnu.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // the command did not read its input
            }
            byte[] out;
            try (InputStream stdout = gnu.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!gnu.waitFor(10, TimeUnit.SECONDS)) {
                gnu.destroyForcibly();
                throw new IllegalStateException("GNU " + argv + " did not finish");
            }
            String err = new String(Files.readAllBytes(errors), StandardCharsets.ISO_8859_1)
                    .replace(binary.toString(), argv.get(0));
            return new Gnu(gnu.exitValue(), new String(out, StandardCharsets.ISO_8859_1), err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sandkernel.coreutils.GnuCases#cases")
    void matchesGnu(String line, String input, List<String> argv) throws Exception {
        compare(line, input, argv, false);
    }

    @ParameterizedTest(name = "{0} > /dev/full")
    @MethodSource("io.sandkernel.coreutils.GnuCases#fullDeviceCases")
    void matchesGnuWritingToAFullDevice(String line, String input, List<String> argv) throws Exception {
        compare(line, input, argv, true);
    }

    @ParameterizedTest(name = "LC_ALL=C.UTF-8 {0}")
    @MethodSource("io.sandkernel.coreutils.GnuCases#utf8Cases")
    void matchesGnuInAUtf8Locale(String line, String input, List<String> argv) throws Exception {
        CompletableFuture<Gnu> pending = GNU.get(key(argv, input, false) + "\u0003");
        assumeTrue(pending != null, "no GNU " + argv.get(0) + " on this machine");
        Sandbox.Result ours;
        try (Sandbox sandbox = Sandbox.create()) {
            sandbox.files(GnuCases.FILES);
            sandbox.env("LC_ALL", "C.UTF-8");
            ours = sandbox.runWithInput(input.getBytes(StandardCharsets.ISO_8859_1), argv.toArray(String[]::new));
        }
        check(line, ours, pending.get(100, TimeUnit.SECONDS));
    }

    // The GNU side of the first case run may wait behind the whole table on a loaded machine: up
    // to 100 s (within the class's 120 s per test).
    private static void compare(String line, String input, List<String> argv, boolean full) throws Exception {
        CompletableFuture<Gnu> pending = GNU.get(key(argv, input, full));
        assumeTrue(pending != null, "no GNU " + argv.get(0) + (full ? " or /dev/full" : "") + " on this machine");
        Sandbox.Result ours;
        try (Sandbox sandbox = Sandbox.create()) {
            sandbox.files(GnuCases.FILES);
            String[] command = argv.toArray(String[]::new);
            ours = full ? sandbox.runWithInputAndOutputTo(input, "/dev/full", command) : sandbox.runWithInput(input, command);
        }
        check(line, ours, pending.get(100, TimeUnit.SECONDS));
    }

    private static void check(String line, Sandbox.Result ours, Gnu gnu) {
        String err = new String(ours.errBytes(), StandardCharsets.ISO_8859_1);
        assertThat(new String(ours.outBytes(), StandardCharsets.ISO_8859_1)).as("stdout of " + line + "\nstderr: " + err)
                .isEqualTo(gnu.out());
        assertThat(ours.status()).as("status of " + line + "\nstderr: " + err).isEqualTo(gnu.status());
        assertThat(err).as("stderr of " + line).isEqualTo(gnu.err());
    }

    /** The installed program {@code name} in /usr/bin or /bin, or null. */
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
