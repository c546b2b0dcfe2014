package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.process.Signals;
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
 * A busy program, in the shell or in a command, stops using the CPU once it is killed: by
 * SIGKILL, by an {@code exec} timeout, by {@link Kernel#close()}. Each case first waits until the
 * program demonstrably burns CPU (which also proves the measurement sees it), measures its rate
 * over half a second, kills it, allows the 100 ms the kernel promises, then asserts that the
 * program threads used almost nothing in the next half second: under 100 ms, and under a third
 * of what the loop used before (on a loaded machine a live loop gets less than a core).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KillContainmentTest {
    private static final Duration WINDOW = Duration.ofMillis(500);
    private static final Duration ALLOWED = Duration.ofMillis(100);


    @ParameterizedTest
    @ValueSource(strings = {
        "while :; do :; done",
        "f() { :; }; while :; do f; done",
        "i=0; while :; do i=$((i + 1)); done",
        "until false; do x=${x:-a}; x=${x%a}a; done",
        "while :; do for i in 1 2 3 4 5 6 7 8 9; do case $i in 9) ;; esac; done; done",
        "yes > /dev/null",
        "awk 'BEGIN { while (1); }'",
        "echo x | sed ':a;ba'",
        "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | grep -E '(.*a){12}c'",
        "x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; expr \"$x\" : '\\(.*a\\)\\{12\\}c'",
        "x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; [[ $x =~ (.*a){12}c ]]",
        "printf '%s\\n' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | sed -E 's/(.*a){12}c//'",
        "while :; do seq 200000 | sort -r | tail -n 1; done > /dev/null",
    })
    void sigkillToTheJobStopsItsCpuUse(String script) throws Exception {
        try (Kernel kernel = Sandkernel.newKernel()) {
            String sh = script.contains("[[") ? "bash" : "sh";
            KernelProcess shell = kernel.spawn(sh, List.of("-c", script), SpawnOptions.defaults());
            long before = busy(script);
            kernel.kill(-shell.pid(), Signals.SIGKILL);
            assertThat(shell.waitFor(Duration.ofSeconds(1))).hasValue(128 + Signals.SIGKILL);
            assertQuietAfterwards(script, before);
            assertThat(LiveProcesses.of(kernel)).as("processes left in the table").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "while :; do :; done",
        "awk 'BEGIN { while (1); }'",
        "echo x | sed ':a;ba'",
        "trap '' TERM; while :; do :; done",
    })
    void execTimeoutStopsTheCpuUseOfTheWholeJob(String script) throws Exception {
        try (Kernel kernel = Sandkernel.newKernel()) {
            CompletableFuture<ExecResult> exec = CompletableFuture.supplyAsync(
                    () -> kernel.exec(script, ExecOptions.defaults().withTimeout(Duration.ofSeconds(4))));
            long before = busy(script);
            ExecResult result = exec.get(20, TimeUnit.SECONDS);
            assertThat(result.timedOut()).isTrue();
            assertQuietAfterwards(script, before);
            assertThat(LiveProcesses.of(kernel)).as("processes left in the table").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "while :; do :; done",
        "trap '' TERM INT HUP; f() { while :; do :; done; }; f & f & f",
        "awk 'BEGIN { while (1); }' & echo x | sed ':a;ba'",
    })
    void closeReturnsWithinASecondAndNothingKeepsRunning(String script) throws Exception {
        Kernel kernel = Sandkernel.newKernel();
        kernel.spawn("sh", List.of("-c", script), SpawnOptions.defaults());
        long before = busy(script);
        long start = System.nanoTime();
        kernel.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertQuietAfterwards(script, before);
    }

    @Test
    void execTimeoutKillsTheCommandTheShellStartedNotOnlyTheShell() throws Exception {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult result = kernel.exec("sleep 100; echo not reached",
                    ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
            assertThat(result.timedOut()).isTrue();
            assertThat(result.stdout()).isEmpty();
            LiveProcesses.assertNoneWithin(kernel, Duration.ofSeconds(1));
        }
    }

    @Test
    void execTimeoutKillsBackgroundChildrenAndTheirGroups() throws Exception {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult result = kernel.exec("set -m; sleep 100 & (sleep 200 | cat) & wait",
                    ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
            assertThat(result.timedOut()).isTrue();
            LiveProcesses.assertNoneWithin(kernel, Duration.ofSeconds(1));
        }
    }

    /** The driver-wasm corpus's busy loop ({@code busy.c}, no host call at all), when clang built it. */
    @Test
    void aWebAssemblyBusyLoopStopsUsingCpuAfterSigkillAndClose() throws Exception {
        java.nio.file.Path busy = java.nio.file.Path.of("..", "driver-wasm", "target", "wasm", "busy.wasm");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(busy),
                "driver-wasm's C corpus was not compiled (clang with wasi-libc missing)");
        byte[] module = java.nio.file.Files.readAllBytes(busy);
        String script = "cp /tmp/busy.wasm busy && chmod +x busy && ./busy"; // the host writes as root: copy to own it
        try (Kernel kernel = Sandkernel.newKernel()) {
            kernel.writeFile("/tmp/busy.wasm", module);
            KernelProcess shell = kernel.spawn("sh", List.of("-c", script), SpawnOptions.defaults());
            long before = busy(script);
            kernel.kill(-shell.pid(), Signals.SIGKILL);
            assertThat(shell.waitFor(Duration.ofSeconds(1))).hasValue(128 + Signals.SIGKILL);
            assertQuietAfterwards(script, before);
        }
        Kernel kernel = Sandkernel.newKernel();
        kernel.writeFile("/tmp/busy.wasm", module);
        kernel.spawn("sh", List.of("-c", script), SpawnOptions.defaults());
        long before = busy(script);
        kernel.close();
        assertQuietAfterwards(script, before);
    }

    /** Waits until the loop burns CPU, then returns the CPU it uses in one window. */
    private static long busy(String script) throws InterruptedException {
        assertThat(ProgramCpu.burns(Duration.ofMillis(200), Duration.ofSeconds(15)))
                .as("%s never got busy", script).isTrue();
        return ProgramCpu.during(WINDOW);
    }

    private static void assertQuietAfterwards(String script, long before) throws InterruptedException {
        Thread.sleep(ALLOWED);
        long after = ProgramCpu.during(WINDOW);
        assertThat(after).as("%s: CPU ns in %s after the kill (before: %d ns)", script, WINDOW, before)
                .isLessThan(Math.min(ALLOWED.toNanos(), before / 3));
    }

    /** The processes still running or stopped, init aside (zombies hold no thread). */
}
