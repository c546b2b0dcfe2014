package io.sandkernel.userland.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    static ReferenceShell.Outcome sandkernel(String script) {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult result = kernel.exec(List.of("bash", "-c", script), ExecOptions.defaults().withTimeout(TIMEOUT));
            assertThat(result.timedOut()).as("timed out").isFalse();
            return new ReferenceShell.Outcome(result.stdout(), result.exitCode());
        }
    }

    /** The real bash, in the kernel's default locale (C.UTF-8): it counts and cuts characters, not bytes. */
    static ReferenceShell.Outcome bash(String script) throws Exception {
        return ReferenceShell.run(BASH, "C.UTF-8", TIMEOUT, script);
    }

    static List<Path> scripts() throws IOException, URISyntaxException {
        return ReferenceShell.scripts("bash-diff");
    }

    @TestFactory
    Stream<DynamicTest> scriptsBehaveAsInBash() throws Exception {
        assumeTrue(Files.isExecutable(BASH), "bash is not installed at /usr/bin/bash");
        return scripts().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            String script = Files.readString(path);
            ReferenceShell.Outcome expected = bash(script);
            ReferenceShell.Outcome actual = sandkernel(script);
            assertThat(actual.stdout()).as("stdout of %s", path.getFileName()).isEqualTo(expected.stdout());
            assertThat(actual.status()).as("status of %s", path.getFileName()).isEqualTo(expected.status());
        }));
    }

    @TestFactory
    Stream<DynamicTest> atLeastOneHundredFiftyScripts() throws Exception {
        return Stream.of(DynamicTest.dynamicTest("count", () -> assertThat(scripts()).hasSizeGreaterThanOrEqualTo(150)));
    }
}
