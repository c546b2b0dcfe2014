package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An exec's timeout and interruption end every process the exec led to, as killing a cgroup
 * does on Linux: also those that left the exec's session ({@code setsid}), changed group, cleared
 * their environment, or were reparented to init when their parent exited.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExecGroupContainmentTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "setsid sleep 100 & sleep 100",
        "setsid -f sleep 100; sleep 100",
        "sh -c 'setsid sh -c \"env -i sleep 100\" &'; sleep 100",
        "sh -c 'sleep 100 & exit 0'; sleep 100",
        "setsid sh -c 'trap \"\" TERM; setsid -f sleep 200; while :; do sleep 1; done' & sleep 100",
        "set -m; sleep 100 & setsid -w sh -c 'sleep 100'",
    })
    void execTimeoutLeavesNothingInTheProcessTable(String script) throws InterruptedException {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult result = kernel.exec(script, ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
            assertThat(result.timedOut()).isTrue();
            LiveProcesses.assertNoneWithin(kernel, Duration.ofMillis(500));
        }
    }

    @Test
    void interruptingAnExecKillsTheProcessesThatLeftItsSession() throws Exception {
        try (Kernel kernel = Sandkernel.newKernel()) {
            CompletableFuture<Thread> runner = new CompletableFuture<>();
            CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
                runner.complete(Thread.currentThread());
                try {
                    kernel.exec("setsid sleep 100 & setsid -f sleep 100; sleep 100", ExecOptions.defaults());
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertThat(ProgramCpu.eventually(Duration.ofSeconds(10), () -> sleepers(kernel) == 3))
                    .as("the three sleeps started: %s", LiveProcesses.of(kernel)).isTrue();
            runner.get(5, TimeUnit.SECONDS).interrupt();
            assertThat(ended.get(10, TimeUnit.SECONDS)).hasMessageContaining("EINTR");
            LiveProcesses.assertNoneWithin(kernel, Duration.ofSeconds(2));
        }
    }

    @Test
    void procShowsTheExecGroupThatSetsidDoesNotChange() {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult result = kernel.exec("cat /proc/self/cgroup; setsid -w cat /proc/self/cgroup",
                    ExecOptions.defaults().withTimeout(Duration.ofSeconds(10)));
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            List<String> lines = result.stdout().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("0::/exec-\\d+");
            assertThat(lines.get(1)).isEqualTo(lines.get(0));
            ExecResult another = kernel.exec("cat /proc/self/cgroup", ExecOptions.defaults());
            assertThat(another.stdout().strip()).matches("0::/exec-\\d+").isNotEqualTo(lines.get(0));
        }
    }

    private static long sleepers(Kernel kernel) {
        return LiveProcesses.of(kernel).stream().filter(p -> p.command().equals("sleep")).count();
    }
}
