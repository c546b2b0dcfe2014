package io.sandkernel.userland.kernel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.Program;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.userland.Sandkernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (Kernel kernel = Sandkernel.newKernel()) {                     // sh and the commands
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
        Program hostname = process -> {                                     // your own program
            int fd = process.open("/etc/hostname", OpenFlags.O_RDONLY, 0);  // system calls on descriptors
            byte[] buffer = new byte[64];
            int n = process.read(fd, buffer, 0, buffer.length);
            process.close(fd);
            process.stdout().printf("pid %d read %d bytes; /tmp is %o%n",
                    process.pid(), n, process.stat("/tmp").permissions());
            return 0;
        };
        try (Kernel kernel = Sandkernel.builder(Map.of("hostname-size", hostname)).build()) {
            seen.append(kernel.exec("hostname-size").stdout());             // pid 2 read 11 bytes; /tmp is 1777
        }
        return seen.toString();
    }
    // --- end of README example ---

    @Test
    void readmeExampleRunsAsDescribed() throws Exception {
        assertThat(example()).isEqualTo("0 hello\n5\n4\nping\n0pid 2 read 11 bytes; /tmp is 1777\n");
    }

    @Test
    void readmeShowsThisExampleAsWritten() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/sandkernel/userland/kernel/KernelReadmeExampleTest.java"));
        String block = source.substring(source.indexOf('\n', source.indexOf("// --- README: ")) + 1,
                source.indexOf("    // --- end of README example ---"));
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).contains(block.replaceAll("(?m)^    ", ""));
    }
}
