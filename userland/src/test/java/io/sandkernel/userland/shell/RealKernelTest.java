package io.sandkernel.userland.shell;

import io.sandkernel.userland.Sandkernel;

import io.sandkernel.shell.Shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shell on the real kernel with the JVM driver's coreutils: job control, interactive use, errors. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealKernelTest {
    private Kernel kernel;

    @BeforeEach
    void setUp() {
        kernel = Kernel.builder().driver(Sandkernel.jvmDriver(Map.of("sh", new Shell()))).build();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private ExecResult sh(String stdin, String... args) {
        ExecOptions options = ExecOptions.defaults().withTimeout(Duration.ofSeconds(20)).withStdin(stdin);
        List<String> argv = new java.util.ArrayList<>(List.of("sh"));
        argv.addAll(List.of(args));
        ExecResult result = kernel.exec(argv, options);
        assertThat(result.timedOut()).isFalse();
        return result;
    }

    @Test
    void pipelinesAndRedirectionsUseKernelDescriptors() {
        ExecResult result = sh("", "-c", "seq 3 | tr 1-3 a-c > out.txt; cat < out.txt | wc -l; cat out.txt 2>&1 >/dev/null");
        assertThat(result.stdout()).isEqualTo("3\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void errorsInChildShellsKeepTheLineNumber() {
        ExecResult result = sh("", "-c", "echo a\necho b\n(nosuch_cmd)\necho a | nosuch_two");
        assertThat(result.stderr()).isEqualTo("sh: 3: nosuch_cmd: not found\nsh: 4: nosuch_two: not found\n");
        assertThat(result.exitCode()).isEqualTo(127);
    }

    @Test
    void jobControlStopsAndContinuesJobs() {
        ExecResult result = sh("", "-c",
                "set -m; sleep 10 & kill -STOP %1; sleep 0.2; jobs; bg; sleep 0.1; jobs; kill %1; wait; echo end");
        assertThat(result.stdout()).isEqualTo("[1]+  Stopped                 sleep 10\n"
                + "[1] sleep 10 &\n"
                + "[1]+  Running                 sleep 10 &\n"
                + "end\n");
    }

    @Test
    void interactiveSessionAnnouncesAndReportsJobs() {
        ExecResult result = sh("sleep 0.2 &\nsleep 1.2\necho done\nexit 3\n", "-i");
        assertThat(result.stdout()).isEqualTo("done\n");
        assertThat(result.stderr()).matches("(?s)\\$ \\[1\\] \\d+\n\\$ \\[1\\]\\+  Done                    sleep 0\\.2\n\\$ \\$ ");
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void pipelinesUnderJobControlSurviveAnEarlyExitingGroupLeader() {
        ExecResult result = sh("", "-c",
                "set -m; for i in 1 2 3 4 5 6 7 8 9 10; do true | wc -l >> out; seq 2 | cat | wc -l >> out; done;"
                        + " sort out | uniq -c");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout().trim().replaceAll("\\s+", " ")).isEqualTo("10 0 10 2");
    }

    @Test
    void longHereDocumentReadInPartLeavesTheShellAndNoTemporaryFileBehind() {
        ExecResult result = sh("", "-c", "big=$(seq 30000); head -n 1 <<EOF\n$big\nEOF\necho survived $?; ls -A /tmp");
        assertThat(result.stdout()).isEqualTo("1\nsurvived 0\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void scriptFromStandardInput() {
        ExecResult result = sh("x=4\necho $((x * 2))\n");
        assertThat(result.stdout()).isEqualTo("8\n");
    }
}
