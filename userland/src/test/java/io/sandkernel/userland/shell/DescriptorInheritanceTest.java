package io.sandkernel.userland.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Descriptors through the shell on the usual userland: what {@code sh} opens with a redirection
 * reaches the commands, child shells and pipelines it starts, as on Linux (fork+exec keeps every
 * descriptor that is not close-on-exec); what the shell holds for itself does not.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DescriptorInheritanceTest {
    private Kernel kernel;

    @BeforeEach
    void setUp() {
        kernel = Sandkernel.newKernel();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private ExecResult sh(String stdin, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("sh"));
        argv.addAll(List.of(args));
        ExecResult result = kernel.exec(argv,
                ExecOptions.defaults().withStdin(stdin).withTimeout(Duration.ofSeconds(20)));
        assertThat(result.timedOut()).isFalse();
        return result;
    }

    private String out(String script) {
        ExecResult result = sh("", "-c", script);
        assertThat(result.stderr()).as("stderr of %s", script).isEmpty();
        return result.stdout();
    }

    @Test
    void descriptorOpenedByExecReachesAChildShell() {
        assertThat(out("exec 3>f; echo hi >&3; sh -c 'echo there >&3'; exec 3>&-; cat f")).isEqualTo("hi\nthere\n");
    }

    @Test
    void descriptorOfACompoundCommandReachesTheCommandsInIt() {
        assertThat(out("printf 'a\\nb\\n' > file; { cat <&4; } 4<file")).isEqualTo("a\nb\n");
        assertThat(out("printf 'a\\nb\\n' > file; { read first <&4; echo $first; sh -c 'cat <&4'; } 4<file"))
                .as("the children share the open file's offset").isEqualTo("a\nb\n");
    }

    @Test
    void duplicatedStandardInputReachesCommandsAfterStandardInputIsGone() {
        ExecResult result = sh("typed\n", "-c", "exec 4<&0 0</dev/null; cat <&4; echo \"[$(cat)]\"");
        assertThat(result.stdout()).isEqualTo("typed\n[]\n");
    }

    @Test
    void readWriteRedirectionReadsAndWrites() {
        assertThat(out("echo abc > f; exec 5<>f; read x <&5; echo $x")).isEqualTo("abc\n");
        assertThat(out("echo abc > f; exec 5<>f; read x <&5; echo def >&5; exec 5>&-; cat f")).isEqualTo("abc\ndef\n");
    }

    @Test
    void descriptorReachesPipelinesAndBackgroundJobs() {
        assertThat(out("exec 3>f; seq 2 | tr 12 ab >&3; (echo sub >&3) & wait; exec 3>&-; sort f"))
                .isEqualTo("a\nb\nsub\n");
    }

    @Test
    void childDoesNotSeeTheShellsScriptDescriptorNorItsSavedCopies() {
        out("printf 'ls /proc/self/fd\\n{ ls /proc/self/fd; } >out\\ncat out\\n' > /tmp/fds.sh");
        ExecResult result = sh("", "/tmp/fds.sh");
        assertThat(result.stderr()).isEmpty();
        // ls has its own descriptor on the directory it reads, as on Linux: 0, 1, 2 and 3
        assertThat(result.stdout()).isEqualTo("0\n1\n2\n3\n0\n1\n2\n3\n");
    }
}
