package io.sandkernel.userland.kernel;

import io.sandkernel.userland.Sandkernel;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.driver.jvm.JvmDriver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kernel examples of README.md, compiled and run as written there. */
@Timeout(30)
class KernelReadmeExampleTest {

    // --- README: kernel example (keep in sync) ---
    static String example() throws IOException, InterruptedException {
        StringBuilder seen = new StringBuilder();
        try (Kernel kernel = Sandkernel.builder().build()) {                   // JVM driver: coreutils, sh, kill, ps
            ExecResult hello = kernel.exec(List.of("echo", "hello"), ExecOptions.defaults());
            seen.append(hello.exitCode()).append(' ').append(hello.stdout());   // 0 hello

            ExecResult script = kernel.exec("seq 5 | sort -rn | head -n 2",    // through sh -c
                    ExecOptions.defaults().withTimeout(Duration.ofSeconds(10)));
            seen.append(script.stdout());                                   // 5 4

            KernelProcess cat = kernel.spawn("cat", List.of(), SpawnOptions.defaults());
            cat.stdin().write("ping\n".getBytes(UTF_8));
            cat.stdin().close();                                            // EOF
            seen.append(new String(cat.stdout().readAllBytes(), UTF_8));    // ping
            seen.append(cat.waitFor());                                     // 0
        }
        try (Kernel kernel = Kernel.builder()
                .driver(Sandkernel.jvmDriver(Map.of("hello", process -> {  // your own program
                    process.stdout().println("hi from pid " + process.pid());
                    return 0;
                })))
                .build()) {
            seen.append(kernel.exec("hello").stdout());                     // hi from pid 2
        }
        return seen.toString();
    }
    // --- end of README example ---

    @Test
    void readmeExampleRunsAsDescribed() throws Exception {
        assertThat(example()).startsWith("0 hello\n5\n4\nping\n0hi from pid ");
    }
}
