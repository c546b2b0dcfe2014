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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        ReferenceShell.Outcome run(String script) throws Exception;
    }

    /** Sandkernel: {@code sh -c script} in a new kernel. */
    static final class SandkernelRunner implements ScriptRunner {
        @Override
        public ReferenceShell.Outcome run(String script) {
            try (Kernel kernel = Kernel.builder().driver(Sandkernel.jvmDriver(Map.of("sh", new Shell()))).build()) {
                ExecResult result = kernel.exec(List.of("sh", "-c", script), ExecOptions.defaults().withTimeout(TIMEOUT));
                assertThat(result.timedOut()).as("timed out").isFalse();
                return new ReferenceShell.Outcome(result.stdout(), result.exitCode());
            }
        }
    }

    /** dash: {@code dash -c script} in a new temporary directory, in the C locale. */
    static final class DashRunner implements ScriptRunner {
        @Override
        public ReferenceShell.Outcome run(String script) throws Exception {
            return ReferenceShell.run(DASH, "C", TIMEOUT, script);
        }
    }

    static List<Path> scripts() throws IOException, URISyntaxException {
        return ReferenceShell.scripts("shell-diff");
    }

    @TestFactory
    Stream<DynamicTest> scriptsBehaveAsInDash() throws Exception {
        assumeTrue(Files.isExecutable(DASH), "dash is not installed at /usr/bin/dash");
        ScriptRunner sandkernel = new SandkernelRunner();
        ScriptRunner dash = new DashRunner();
        return scripts().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            String script = Files.readString(path);
            ReferenceShell.Outcome expected = dash.run(script);
            ReferenceShell.Outcome actual = sandkernel.run(script);
            assertThat(actual.stdout()).as("stdout of %s", path.getFileName()).isEqualTo(expected.stdout());
            assertThat(actual.status()).as("status of %s", path.getFileName()).isEqualTo(expected.status());
        }));
    }

    @TestFactory
    Stream<DynamicTest> atLeastSixtyScripts() throws Exception {
        return Stream.of(DynamicTest.dynamicTest("count", () -> assertThat(scripts()).hasSizeGreaterThanOrEqualTo(60)));
    }
}
