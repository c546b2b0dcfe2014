package io.sandkernel.userland.kernel;

import io.sandkernel.userland.Sandkernel;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.driver.host.HostDriver;
import io.sandkernel.driver.jvm.JvmDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kernel with the host driver mounted over the JVM driver: last mounted wins. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostDriverIntegrationTest {
    @Test
    void hostCommandsRunThroughTheKernelWithPipesAndTimeouts() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/cat")) && Files.isExecutable(Path.of("/bin/sleep")));
        HostDriver host = HostDriver.builder().allow("cat", "sleep").allowUnconfined().build(); // confined where it can
        try (Kernel kernel = Kernel.builder().driver(Sandkernel.jvmDriver(TestPrograms.commands())).driver(host)
                .build()) {
            assertThat(kernel.commands()).containsEntry("cat", host.name()).containsEntry("echo", "jvm");
            ExecResult cat = kernel.exec(List.of("cat"), ExecOptions.defaults().withStdin("through the host\n"));
            assertThat(cat.stdout()).isEqualTo("through the host\n");
            assertThat(cat.exitCode()).isZero();
            ExecResult sleep = kernel.exec(List.of("sleep", "30"),
                    ExecOptions.defaults().withTimeout(Duration.ofMillis(300)));
            assertThat(sleep.timedOut()).isTrue();
            assertThat(sleep.exitCode()).isEqualTo(143);
        }
    }

    @Test
    void aHostCommandAllowedByItsAbsolutePathRunsByThatName() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/true")));
        HostDriver host = HostDriver.builder().allow("/bin/true").allowUnconfined().build();
        try (Kernel kernel = Kernel.builder().driver(Sandkernel.jvmDriver(TestPrograms.commands())).driver(host)
                .build()) {
            assertThat(kernel.exec("/bin/true").exitCode()).isZero();
        }
    }
}
