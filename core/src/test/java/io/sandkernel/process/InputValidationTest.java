package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;

import io.sandkernel.Errno;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs a caller can get wrong are answered with KernelException(EINVAL), never a bare
 * NullPointerException or IllegalArgumentException.
 */
@Timeout(30)
class InputValidationTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private ProcessTable table() {
        return f.table;
    }

    @Test
    void negativePidsAreRejectedWithEinval() {
        int pid = f.spawn(0);
        ProcessTable t = table();
        List<ThrowingCallable> calls = List.of(
                () -> t.register(-1, "d", "c", List.of(), ProcessContext.defaults(), new TestDriver()),
                () -> t.markExited(-1, 0),
                () -> t.markStopped(-1, Signals.SIGSTOP),
                () -> t.markContinued(-1),
                () -> t.awaitExit(-1),
                () -> t.awaitExit(-1, Duration.ofMillis(1)),
                () -> t.waitpid(-1, -1, WaitOption.WNOHANG),
                () -> t.setpgid(-1, 0),
                () -> t.setpgid(pid, -1),
                () -> t.getpgid(-1),
                () -> t.setsid(-1),
                () -> t.getsid(-1),
                () -> t.getppid(-1),
                () -> t.getUmask(-1),
                () -> t.setUmask(-1, 0),
                () -> t.hasProcessGroup(-1),
                () -> t.sigprocmask(-1, SigmaskHow.BLOCK, SignalSet.empty()),
                () -> t.sigpending(-1));
        for (ThrowingCallable call : calls) {
            assertErrno(call, Errno.EINVAL);
        }
    }

    @Test
    void getOfANegativePidIsRejectedWithEinval() {
        assertErrno(() -> table().get(-1), Errno.EINVAL);
    }

    @Test
    void nullRegistrationArgumentsAreRejectedWithEinval() {
        ProcessTable t = table();
        int pid = t.allocatePid();
        TestDriver driver = new TestDriver();
        ProcessContext context = ProcessContext.defaults();

        assertErrno(() -> t.register(pid, null, "c", List.of(), context, driver), Errno.EINVAL);
        assertErrno(() -> t.register(pid, "d", null, List.of(), context, driver), Errno.EINVAL);
        assertErrno(() -> t.register(pid, "d", "c", null, context, driver), Errno.EINVAL);
        assertErrno(() -> t.register(pid, "d", "c", Arrays.asList("a", null), context, driver), Errno.EINVAL);
        assertErrno(() -> t.register(pid, "d", "c", List.of(), null, driver), Errno.EINVAL);
        assertErrno(() -> t.register(pid, "d", "c", List.of(), context, null), Errno.EINVAL);

        org.assertj.core.api.Assertions.assertThat(t.listProcesses()).isEmpty();
        t.checkInvariants();
    }

    @Test
    void outOfRangeSignalsAreRejectedWithEinval() {
        int pid = f.spawn(0);
        ProcessTable t = table();

        assertErrno(() -> t.kill(pid, 65), Errno.EINVAL);
        assertErrno(() -> t.kill(pid, -1), Errno.EINVAL);
        assertErrno(() -> t.markStopped(pid, 0), Errno.EINVAL);
        assertErrno(() -> t.markStopped(pid, 65), Errno.EINVAL);
        org.assertj.core.api.Assertions.assertThat(f.status(pid)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void nullOptionsAndSetsAreRejectedWithEinval() {
        int parent = f.spawn(0);
        f.spawn(parent);
        ProcessTable t = table();

        assertErrno(() -> t.waitpid(parent, -1, (WaitOption[]) null), Errno.EINVAL);
        assertErrno(() -> t.waitpid(parent, -1, WaitOption.WNOHANG, null), Errno.EINVAL);
        assertErrno(() -> t.sigprocmask(parent, null, SignalSet.empty()), Errno.EINVAL);
        assertErrno(() -> t.sigprocmask(parent, SigmaskHow.BLOCK, null), Errno.EINVAL);
        assertErrno(() -> t.awaitExit(parent, null), Errno.EINVAL);
    }

    static Stream<Arguments> badTableConfigurations() {
        return Stream.of(
                Arguments.of("null ttl", (ThrowingCallable) () -> new ProcessTable(null)),
                Arguments.of("null ttl with max", (ThrowingCallable) () -> new ProcessTable(null, 10)),
                Arguments.of("negative ttl", (ThrowingCallable) () -> new ProcessTable(Duration.ofSeconds(-1))),
                Arguments.of("builder null ttl", (ThrowingCallable) () -> ProcessTable.builder().zombieTtl(null).build()),
                Arguments.of("builder null clock", (ThrowingCallable) () -> ProcessTable.builder().clock(null).build()),
                Arguments.of("max pid 0", (ThrowingCallable) () -> new ProcessTable(Duration.ofSeconds(1), 0)),
                Arguments.of("builder max pid -1", (ThrowingCallable) () -> ProcessTable.builder().maxPid(-1).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTableConfigurations")
    void badTableConfigurationIsRejectedWithEinval(String name, ThrowingCallable construction) {
        assertErrno(construction, Errno.EINVAL);
    }
}
