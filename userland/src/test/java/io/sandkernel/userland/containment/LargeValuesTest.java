package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Large values do not break the shell: a subshell is a copy of the shell's state, not a command
 * line, so a 300 kB variable or a 1 MB input line pass through subshells and pipelines, and a
 * 300 kB script file runs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LargeValuesTest {
    private static final ExecOptions WAIT = ExecOptions.defaults().withTimeout(Duration.ofSeconds(60));

    @Test
    void aLargeVariableGoesThroughSubshellsAndPipelines() {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult result = kernel.exec("x=$(head -c 300000 /dev/zero | tr '\\0' a); (echo ${#x}); "
                    + "echo \"$x\" | wc -c; y=$(echo \"$x\"); echo ${#y}; f() { echo ${#x}; }; f | cat; "
                    + "{ echo ${#x}; } | cat; (echo ${#x}) &\nwait", WAIT);
            assertThat(result.stderr()).isEmpty();
            assertThat(result.stdout()).isEqualTo("300000\n300001\n300000\n300000\n300000\n300000\n");
        }
    }

    @Test
    void aOneMegabyteLineGoesThroughReadPipesAndCommands() {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult result = kernel.exec("head -c 1000000 /dev/zero | tr '\\0' a > /tmp/line; echo >> /tmp/line; "
                    + "read -r l < /tmp/line; echo ${#l}; (echo ${#l}) | cat; "
                    + "while read -r m; do echo ${#m}; done < /tmp/line; "
                    + "sort /tmp/line | uniq | tac | wc -c; cat /tmp/line | sed 's/a/b/' | grep -c b", WAIT);
            assertThat(result.stderr()).isEmpty();
            assertThat(result.stdout()).isEqualTo("1000000\n1000000\n1000000\n1000001\n1\n");
        }
    }

    @Test
    void aLargeScriptFileRuns() {
        try (Kernel kernel = Sandkernel.newKernel()) {
            String script = "y=" + "b".repeat(300_000) + "\necho ${#y}\n(echo sub ${#y}) | cat\n";
            kernel.writeFile("/tmp/big.sh", script.getBytes(StandardCharsets.UTF_8));
            ExecResult result = kernel.exec("sh /tmp/big.sh; cp /tmp/big.sh /tmp/mine.sh; chmod +x /tmp/mine.sh; /tmp/mine.sh; . /tmp/big.sh", WAIT);
            assertThat(result.stderr()).isEmpty();
            assertThat(result.stdout()).isEqualTo("300000\nsub 300000\n".repeat(3));
        }
    }
}
