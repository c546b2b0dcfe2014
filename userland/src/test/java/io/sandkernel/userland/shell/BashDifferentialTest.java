package io.sandkernel.userland.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script under {@code bash-diff/} through Sandkernel's {@code bash -c} (in a fresh
 * kernel with the usual userland) and through the real {@code /usr/bin/bash}, and compares
 * standard output and exit status. Skipped when bash is not installed ({@code .ci/run} installs
 * it).
 */
class BashDifferentialTest {
    private static final Path BASH = Path.of("/usr/bin/bash");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Standard output and exit status. */
    record Outcome(String stdout, int status) {}

    static Outcome sandkernel(String script) {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult result = kernel.exec(List.of("bash", "-c", script), ExecOptions.defaults().withTimeout(TIMEOUT));
            assertThat(result.timedOut()).as("timed out").isFalse();
            return new Outcome(result.stdout(), result.exitCode());
        }
    }

    static Outcome bash(String script) throws Exception {
        Path dir = Files.createTempDirectory("bash-diff");
        try {
            ProcessBuilder builder = new ProcessBuilder(BASH.toString(), "-c", script).directory(dir.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/bin:/bin");
            builder.environment().put("HOME", dir.toString());
            // the kernel's default locale (LANG=C.UTF-8): bash counts and cuts characters, not bytes
            builder.environment().put("LC_ALL", "C.UTF-8");
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path output = Files.createTempFile("bash-diff", ".out");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            assertThat(finished).as("bash timed out").isTrue();
            String out = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Outcome(out, process.exitValue());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<Path> scripts() throws IOException, URISyntaxException {
        URL url = BashDifferentialTest.class.getClassLoader().getResource("bash-diff");
        assertThat(url).as("bash-diff resources").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> scriptsBehaveAsInBash() throws Exception {
        assumeTrue(Files.isExecutable(BASH), "bash is not installed at /usr/bin/bash");
        return scripts().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            String script = Files.readString(path);
            Outcome expected = bash(script);
            Outcome actual = sandkernel(script);
            assertThat(actual.stdout()).as("stdout of %s", path.getFileName()).isEqualTo(expected.stdout());
            assertThat(actual.status()).as("status of %s", path.getFileName()).isEqualTo(expected.status());
        }));
    }

    @TestFactory
    Stream<DynamicTest> atLeastOneHundredFiftyScripts() throws Exception {
        return Stream.of(DynamicTest.dynamicTest("count", () -> assertThat(scripts()).hasSizeGreaterThanOrEqualTo(150)));
    }
}
