package io.sandkernel.userland.shell;

import io.sandkernel.userland.Sandkernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code command -v} and {@code type} know the kernel's registered commands, not only files on PATH. */
@Timeout(30)
class CommandLookupTest {

    private static ExecResult run(String script) {
        try (Kernel kernel = Sandkernel.builder().build()) {
            return kernel.exec(script, ExecOptions.defaults().withTimeout(Duration.ofSeconds(10)));
        }
    }

    @Test
    void commandVFindsARegisteredCommand() {
        ExecResult result = run("command -v ls");

        assertThat(result.stdout()).isEqualTo("ls\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void commandVFailsForAnUnknownCommand() {
        ExecResult result = run("command -v nosuch");

        assertThat(result.stdout()).isEmpty();
        assertThat(result.exitCode()).isEqualTo(127);
    }

    @Test
    void typeTellsBuiltinsFromRegisteredCommands() {
        ExecResult result = run("type cd; type cat");

        assertThat(result.stdout()).contains("cd is a shell builtin").contains("cat is ");
        assertThat(result.exitCode()).isZero();
    }
}
