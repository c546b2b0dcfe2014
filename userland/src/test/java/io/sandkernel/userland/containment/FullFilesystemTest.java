package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.userland.Sandkernel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full filesystem is an error for every command that writes, never a silent truncation, and
 * every inode (directories and symbolic links too) counts against the inode limit.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FullFilesystemTest {
    private static final ExecOptions WAIT = ExecOptions.defaults().withTimeout(Duration.ofSeconds(60));

    @Test
    void everyWriterFailsWithNoSpaceLeftOnDevice() {
        try (Kernel kernel = Sandkernel.builder()
                .limits(KernelLimits.defaults().withMaxFilesystemBytes(1024 * 1024)).build()) {
            String[] writers = {
                "yes | head -c 2000000 > /tmp/f", "head -c 2000000 /dev/zero > /tmp/f", "cat /dev/zero > /tmp/f",
                "seq 1000000 > /tmp/f", "yes > /tmp/f",
                "yes | head -c 2000000 | tee /tmp/f > /dev/null", // GNU tee goes on for its other outputs
                "head -c 900000 /dev/zero > /tmp/a; cp /tmp/a /tmp/b", "yes | sed p > /tmp/f",
            };
            for (String writer : writers) {
                ExecResult result = kernel.exec("rm -f /tmp/*; " + writer, WAIT);
                assertThat(result.timedOut()).as(writer).isFalse();
                assertThat(result.exitCode()).as(writer).isNotZero();
                assertThat(result.stderr()).as(writer).contains("No space left on device");
            }
            // the shell's builtins fail as dash's do, so a loop that tests them ends
            ExecResult echo = kernel.exec("rm -f /tmp/*; while echo yyyyyyyyyyyyyyyyyyyyyyy; do :; done > /tmp/f; "
                    + "x=$(head -c 100000 /dev/zero | tr '\\0' y); while printf '%s\\n' \"$x\"; do :; done > /tmp/g; "
                    + "echo done $?", WAIT);
            assertThat(echo.timedOut()).isFalse();
            assertThat(echo.stdout()).isEqualTo("done 0\n");
            assertThat(echo.stderr()).isEqualTo("sh: 1: echo: echo: I/O error\nsh: 1: printf: printf: I/O error\n");
        }
    }

    @Test
    void directoriesAndLinksCountAgainstTheInodeLimit() {
        try (Kernel kernel = Sandkernel.builder().limits(KernelLimits.defaults().withMaxInodes(2000)).build()) {
            ExecResult result = kernel.exec("cd /tmp; i=0; while [ $i -lt 2100 ] && mkdir d$i 2>/tmp/err; "
                    + "do i=$((i+1)); done; echo $i; cat /tmp/err; ln -s x link; echo $?", WAIT);
            String[] lines = result.stdout().split("\n");
            assertThat(Integer.parseInt(lines[0])).isLessThan(2000).isGreaterThan(1900);
            assertThat(result.stdout()).endsWith("1\n");
            assertThat(result.stderr()).contains("ln: failed to create symbolic link 'link': No space left on device");
        }
    }
}
