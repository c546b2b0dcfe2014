package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.process.Signals;
import io.sandkernel.userland.Sandkernel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CPU time limits as on Linux: {@code RLIMIT_CPU} per process ({@code ulimit -t}, inherited by
 * children), an exec's CPU budget, SIGXCPU at the soft limit (status 152) and SIGKILL at the hard
 * one; {@code ulimit} reports the limits the kernel really enforces. Every exec has a wall-clock
 * timeout far above the CPU limits, so a limit that is not enforced fails the test as a timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CpuLimitTest {
    private static final ExecOptions GUARDED = ExecOptions.defaults().withTimeout(Duration.ofSeconds(30));
    private final Kernel kernel = Sandkernel.newKernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void aShellLoopPastItsSoftLimitEndsWithSigxcpu() {
        ExecResult result = kernel.exec("ulimit -St 1; while :; do :; done", GUARDED);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(128 + Signals.SIGXCPU);
    }

    @Test
    void withSoftAndHardLimitsEqualTheHardLimitWinsAsOnLinux() {
        // dash -c 'ulimit -t 1; while :; do :; done' ends with 137 on Linux: both limits reached at once
        ExecResult result = kernel.exec("ulimit -t 1; while :; do :; done", GUARDED);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(128 + Signals.SIGKILL);
    }

    @Test
    void childrenInheritTheLimitAndCountTheirOwnTime() {
        ExecResult result = kernel.exec("ulimit -St 1; awk 'BEGIN { while (1); }'; echo \"awk: $?\"; ulimit -t", GUARDED);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).isEqualTo("awk: " + (128 + Signals.SIGXCPU) + "\n1\n");
    }

    @Test
    void anExecCpuBudgetSendsSigxcpu() {
        ExecResult result = kernel.exec("while :; do :; done", GUARDED.withCpuTime(Duration.ofMillis(500)));
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(128 + Signals.SIGXCPU);
    }

    @Test
    void anExecBudgetIsInPlaceBeforeTheProgramRunsAndItsChildrenInheritIt() {
        ExecResult direct = kernel.exec(java.util.List.of("awk", "BEGIN { while (1); }"),
                GUARDED.withCpuTime(Duration.ofMillis(400)));
        assertThat(direct.exitCode()).isEqualTo(128 + Signals.SIGXCPU);
        ExecResult child = kernel.exec("awk 'BEGIN { while (1); }'; echo \"awk: $?\"",
                GUARDED.withCpuTime(Duration.ofMillis(400)));
        assertThat(child.timedOut()).isFalse();
        assertThat(child.stdout()).isEqualTo("awk: " + (128 + Signals.SIGXCPU) + "\n");
    }

    @Test
    void anExecBudgetIsSharedByTheWholeJobSoShortLivedChildrenCannotEscapeIt() {
        // each awk uses a fraction of the budget: per process, the loop would never end
        ExecResult result = kernel.exec("while :; do awk 'BEGIN { for (i = 0; i < 300000; i++); }'; done",
                GUARDED.withCpuTime(Duration.ofMillis(800)));
        assertThat(result.timedOut()).as("ended by the budget, not the timeout").isFalse();
        assertThat(result.exitCode()).isIn(128 + Signals.SIGXCPU, 128 + Signals.SIGKILL);
    }

    @Test
    void anExecBudgetCountsProcessesThatLeftTheSession() {
        ExecResult result = kernel.exec("setsid -w awk 'BEGIN { while (1); }'; echo \"setsid: $?\"",
                GUARDED.withCpuTime(Duration.ofMillis(400)));
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).isEqualTo("setsid: " + (128 + Signals.SIGXCPU) + "\n");
    }

    @Test
    void aProgramIgnoringSigxcpuIsKilledAtTheHardLimit() {
        ExecResult result = kernel.exec("trap '' XCPU; while :; do :; done", GUARDED.withCpuTime(Duration.ofMillis(300)));
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(128 + Signals.SIGKILL);
    }

    @Test
    void aHandlerForSigxcpuRunsAtTheSoftLimit() {
        ExecResult result = kernel.exec(
                "trap 'echo over; exit 3' XCPU; ulimit -S -t 1; while :; do :; done", GUARDED);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).isEqualTo("over\n");
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void ulimitTReadsAndSetsTheLimitAndAnUnprivilegedProcessCannotRaiseIt() {
        ExecResult result = kernel.exec("ulimit -t; ulimit -t 5; ulimit -t; ulimit -Ht; ulimit -St 3; ulimit -t; "
                + "ulimit -Ht; ulimit -t 10; echo \"status $?\"", GUARDED);
        assertThat(result.stdout()).isEqualTo("unlimited\n5\n5\n3\n5\nstatus 2\n");
        assertThat(result.stderr()).isEqualTo("sh: 1: ulimit: error setting limit (Operation not permitted)\n");
    }

    @Test
    void ulimitReportsTheDescriptorAndProcessLimitsTheKernelEnforces() {
        try (Kernel limited = Sandkernel.builder()
                .limits(KernelLimits.defaults().withMaxOpenFiles(100).withMaxProcessesPerUser(40)).build()) {
            ExecResult result = limited.exec("ulimit -n; ulimit -u; ulimit -Hn; ulimit -a", GUARDED);
            assertThat(result.stdout()).startsWith("100\n40\n100\ntime(seconds)        unlimited\n")
                    .contains("\nprocess              40\nnofiles              100\n");
            assertThat(limited.exec("ulimit -n 200; echo $?", GUARDED).stdout()).isEqualTo("2\n");
        }
    }
}
