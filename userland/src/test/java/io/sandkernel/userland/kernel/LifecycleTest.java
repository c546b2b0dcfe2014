package io.sandkernel.userland.kernel;

import io.sandkernel.userland.Sandkernel;

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
import io.sandkernel.process.Signals;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void execTimeoutSendsTermAndReportsTimedOut() {
        try (Kernel kernel = TestPrograms.kernel()) {
            long start = System.nanoTime();
            ExecResult result = kernel.exec(List.of("t-sleep", "60000"),
                    ExecOptions.defaults().withTimeout(Duration.ofMillis(200)));
            assertThat(result.timedOut()).isTrue();
            assertThat(result.exitCode()).isEqualTo(128 + Signals.SIGTERM);
            assertThat(result.succeeded()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void execTimeoutEscalatesToKillWhenTermIsIgnored() {
        TestPrograms.SCRIPTS.put("stubborn", p -> {
            p.signal(Signals.SIGTERM, io.sandkernel.api.SignalHandler.IGNORE);
            while (true) {
                p.sleep(Duration.ofSeconds(1));
            }
        });
        try (Kernel kernel = Kernel.builder().limits(KernelLimits.defaults().withKillGrace(Duration.ofMillis(200)))
                .driver(io.sandkernel.userland.Sandkernel.jvmDriver(TestPrograms.commands())).build()) {
            ExecResult result = kernel.exec(List.of("t-script", "stubborn"),
                    ExecOptions.defaults().withTimeout(Duration.ofMillis(200)));
            assertThat(result.timedOut()).isTrue();
            assertThat(result.exitCode()).isEqualTo(137);
        }
    }

    @Test
    void staleHandleNeverSignalsTheProcessThatReusedItsPid() throws Exception {
        try (Kernel kernel = Kernel.builder().maxPid(4)
                .driver(io.sandkernel.userland.Sandkernel.jvmDriver(TestPrograms.commands())).build()) {
            KernelProcess old = kernel.spawn("t-true", List.of(), SpawnOptions.defaults());
            assertThat(old.waitFor(WAIT)).hasValue(0);
            KernelProcess reuser = null;
            List<KernelProcess> others = new ArrayList<>();
            for (int i = 0; i < 4 && reuser == null; i++) {
                KernelProcess next = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
                if (next.pid() == old.pid()) {
                    reuser = next;
                } else {
                    others.add(next);
                }
            }
            assertThat(reuser).as("pid reused").isNotNull();
            assertThatThrownBy(() -> old.kill(Signals.SIGKILL))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
            assertThat(reuser.isAlive()).isTrue();
            assertThat(old.waitFor()).isZero();
        }
    }

    @Test
    void closeReleasesEveryThreadAndLaterCallsFailWithEbadf() throws Exception {
        try (Kernel warmUp = TestPrograms.kernel()) {
            warmUp.exec("t-echo", "warm");
            warmUp.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        }
        int baseline = ManagementFactory.getThreadMXBean().getThreadCount();

        Kernel kernel = TestPrograms.kernel();
        List<KernelProcess> processes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            processes.add(kernel.spawn("t-cat", List.of(), SpawnOptions.defaults()));
            processes.add(kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults()));
        }
        TestPrograms.SCRIPTS.put("stopped", p -> {
            p.kill(p.pid(), Signals.SIGSTOP);
            return 0;
        });
        processes.add(kernel.spawn("t-script", List.of("stopped"), SpawnOptions.defaults()));
        KernelProcess blockedReader = processes.get(0);
        kernel.close();

        for (KernelProcess process : processes) {
            assertThat(process.waitFor(WAIT)).isPresent();
        }
        assertThat(blockedReader.stdout().read()).isEqualTo(-1);
        assertThat(TestPrograms.eventually(WAIT,
                () -> ManagementFactory.getThreadMXBean().getThreadCount() <= baseline)).isTrue();

        assertThatThrownBy(() -> kernel.exec("t-echo", "late"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADF))
                .hasMessageContaining("kernel is closed");
        assertThatThrownBy(kernel::processes).isInstanceOf(KernelException.class);
        assertThatThrownBy(() -> processes.get(1).kill(Signals.SIGTERM))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
        kernel.close(); // idempotent
    }

    @Test
    void closeEndsProcessesThatIgnoreTerm() throws Exception {
        TestPrograms.SCRIPTS.put("ignore-term", p -> {
            p.signal(Signals.SIGTERM, io.sandkernel.api.SignalHandler.IGNORE);
            p.stdout().println("ready");
            while (true) {
                p.sleep(Duration.ofSeconds(1));
            }
        });
        Kernel kernel = TestPrograms.kernel();
        KernelProcess process = kernel.spawn("t-script", List.of("ignore-term"), SpawnOptions.defaults());
        assertThat(TestPrograms.readLine(process.stdout())).isEqualTo("ready");
        kernel.close();
        assertThat(process.waitFor(WAIT)).hasValue(137);
    }
}
