package io.sandkernel.userland.kernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.user.ProcessIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LimitsTest {
    @Test
    void forkBombHitsEagainWhileTheKernelStaysResponsiveAndCloseEndsIt() throws Exception {
        TestPrograms.counter("bomb-EAGAIN").set(0);
        Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMaxProcessesPerUser(64));
        try {
            KernelProcess bomb = kernel.spawn("t-bomb", List.of(), SpawnOptions.defaults()
                    .withRedirects(new Redirect.Null(), new Redirect.Null(), new Redirect.Null()));
            assertThat(TestPrograms.eventually(Duration.ofSeconds(10),
                    () -> TestPrograms.counter("bomb-EAGAIN").get() > 100)).isTrue();
            assertThat(kernel.processes().size()).isGreaterThanOrEqualTo(64);

            long start = System.nanoTime();
            ExecResult result = kernel.exec(List.of("t-echo", "alive"),
                    ExecOptions.defaults().withIdentity(ProcessIdentity.root()).withTimeout(Duration.ofSeconds(5)));
            assertThat(result.stdout()).isEqualTo("alive\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(bomb.isAlive()).isTrue();
        } finally {
            long start = System.nanoTime();
            kernel.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(TestPrograms.COUNTERS).isNotNull();
    }

    @Test
    void kernelWideProcessLimitFailsWithEagain() throws Exception {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMaxProcesses(3))) {
            List<KernelProcess> sleepers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sleepers.add(kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults()));
            }
            assertThatThrownBy(() -> kernel.exec("t-true"))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN));
            sleepers.get(0).kill(9);
            sleepers.get(0).waitFor();
            assertThat(kernel.exec("t-true").exitCode()).isZero();
        }
    }

    @Test
    void tooManyOpenFilesFailsWithEmfile() {
        try (Kernel kernel = TestPrograms.kernel()) {
            TestPrograms.SCRIPTS.put("emfile", p -> {
                int opened = 3;
                try {
                    while (true) {
                        p.openRead("/etc/passwd");
                        opened++;
                    }
                } catch (KernelException e) {
                    p.stdout().println(e.errno() + " " + opened);
                }
                return 0;
            });
            assertThat(kernel.exec("t-script", "emfile").stdout()).isEqualTo("EMFILE 256\n");
        }
    }

    @Test
    void tooManyPipesFailsWithEagain() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMaxPipes(10))) {
            TestPrograms.SCRIPTS.put("pipes", p -> {
                int made = 0;
                try {
                    while (true) {
                        p.pipe();
                        made++;
                    }
                } catch (KernelException e) {
                    p.stdout().println(e.errno() + " " + made);
                }
                return 0;
            });
            // exec itself holds three pipes
            assertThat(kernel.exec("t-script", "pipes").stdout()).isEqualTo("EAGAIN 7\n");
            assertThat(kernel.exec("t-script", "pipes").stdout()).isEqualTo("EAGAIN 7\n");
        }
    }

    @Test
    void hugeArgumentListFailsWithE2big() {
        try (Kernel kernel = TestPrograms.kernel()) {
            String big = "x".repeat(300 * 1024);
            assertThatThrownBy(() -> kernel.exec("t-echo", big))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG));
            assertThatThrownBy(() -> kernel.exec(List.of("t-true"), ExecOptions.defaults().withEnv(Map.of("BIG", big))))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.E2BIG));
        }
    }

    @Test
    void fullFilesystemFailsWithEnospc() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMaxFilesystemBytes(1024 * 1024))) {
            TestPrograms.SCRIPTS.put("fill", p -> {
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = p.openWrite("/tmp/big", false)) {
                    for (int i = 0; i < 64; i++) {
                        out.write(chunk);
                    }
                } catch (KernelException e) {
                    p.stdout().println(e.getMessage());
                }
                return 0;
            });
            assertThat(kernel.exec("t-script", "fill").stdout()).startsWith("ENOSPC");
        }
    }

    @Test
    void inodeLimitFailsWithEnospc() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMaxInodes(40))) {
            TestPrograms.SCRIPTS.put("inodes", p -> {
                int made = 0;
                try {
                    while (true) {
                        p.openWrite("/tmp/f" + made, false).close();
                        made++;
                    }
                } catch (KernelException e) {
                    p.stdout().println(e.errno());
                }
                return 0;
            });
            assertThat(kernel.exec("t-script", "inodes").stdout()).isEqualTo("ENOSPC\n");
        }
    }
}
