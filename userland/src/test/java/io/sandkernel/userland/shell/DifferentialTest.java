package io.sandkernel.userland.shell;

import io.sandkernel.userland.Sandkernel;

import io.sandkernel.shell.Shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script under {@code shell-diff/} through Sandkernel ({@code sh -c} in a fresh
 * {@link Kernel} with the JVM driver's coreutils) and through {@code /usr/bin/dash}, and compares
 * standard output and exit status. Skipped when dash is not installed.
 */
class DifferentialTest {
    private static final Path DASH = Path.of("/usr/bin/dash");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Runs a script and reports what it printed. */
    interface ScriptRunner {
        Outcome run(String script) throws Exception;
    }

    /** Standard output and exit status. */
    record Outcome(String stdout, int status) {}

    /** Sandkernel: {@code sh -c script} in a new kernel. */
    static final class SandkernelRunner implements ScriptRunner {
        @Override
        public Outcome run(String script) {
            try (Kernel kernel = Kernel.builder().driver(Sandkernel.jvmDriver(Map.of("sh", new Shell()))).build()) {
                ExecResult result = kernel.exec(List.of("sh", "-c", script), ExecOptions.defaults().withTimeout(TIMEOUT));
                assertThat(result.timedOut()).as("timed out").isFalse();
                return new Outcome(result.stdout(), result.exitCode());
            }
        }
    }

    /** dash: {@code dash -c script} in a new temporary directory. */
    static final class DashRunner implements ScriptRunner {
        @Override
        public Outcome run(String script) throws Exception {
            Path dir = Files.createTempDirectory("shell-diff");
            try {
                ProcessBuilder builder = new ProcessBuilder(DASH.toString(), "-c", script).directory(dir.toFile());
                builder.environment().clear();
                builder.environment().put("PATH", "/usr/bin:/bin");
                builder.environment().put("HOME", dir.toString());
                builder.environment().put("LC_ALL", "C");
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                Path output = Files.createTempFile("shell-diff", ".out");
                builder.redirectOutput(output.toFile());
                Process process = builder.start();
                boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly();
                }
                assertThat(finished).as("dash timed out").isTrue();
                String out = Files.readString(output, StandardCharsets.UTF_8);
                Files.delete(output);
                return new Outcome(out, process.exitValue());
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static List<Path> scripts() throws IOException, URISyntaxException {
        URL url = DifferentialTest.class.getClassLoader().getResource("shell-diff");
        assertThat(url).as("shell-diff resources").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> scriptsBehaveAsInDash() throws Exception {
        assumeTrue(Files.isExecutable(DASH), "dash is not installed at /usr/bin/dash");
        ScriptRunner sandkernel = new SandkernelRunner();
        ScriptRunner dash = new DashRunner();
        return scripts().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            String script = Files.readString(path);
            Outcome expected = dash.run(script);
            Outcome actual = sandkernel.run(script);
            assertThat(actual.stdout()).as("stdout of %s", path.getFileName()).isEqualTo(expected.stdout());
            assertThat(actual.status()).as("status of %s", path.getFileName()).isEqualTo(expected.status());
        }));
    }

    @TestFactory
    Stream<DynamicTest> atLeastSixtyScripts() throws Exception {
        return Stream.of(DynamicTest.dynamicTest("count", () -> assertThat(scripts()).hasSizeGreaterThanOrEqualTo(60)));
    }
}
