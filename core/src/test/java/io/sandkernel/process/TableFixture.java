package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A process table with a test clock, a long zombie TTL (so the real timer never fires during a
 * test) and a {@link TestDriver} per registered process.
 */
final class TableFixture implements AutoCloseable {
    static final Duration LONG_TTL = Duration.ofHours(1);
    /** Upper bound for anything a test waits on; a correct table answers in milliseconds. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    final MutableClock clock = new MutableClock();
    final ProcessTable table;
    private final Map<Integer, TestDriver> drivers = new ConcurrentHashMap<>();

    TableFixture() {
        this(Integer.MAX_VALUE);
    }

    TableFixture(int maxPid) {
        this(maxPid, LONG_TTL);
    }

    TableFixture(int maxPid, Duration zombieTtl) {
        table = ProcessTable.builder().zombieTtl(zombieTtl).maxPid(maxPid).clock(clock).build();
    }

    /** Registers a new process with the next free pid as a child of {@code ppid} (0 for a root). */
    int spawn(int ppid) {
        return spawn(ProcessContext.ofParent(ppid), new TestDriver());
    }

    int spawn(int ppid, TestDriver driver) {
        return spawn(ProcessContext.ofParent(ppid), driver);
    }

    int spawn(ProcessContext context) {
        return spawn(context, new TestDriver());
    }

    int spawn(ProcessContext context, TestDriver driver) {
        int pid = table.allocatePid();
        register(pid, context, driver);
        return pid;
    }

    ProcessEntry register(int pid, ProcessContext context, TestDriver driver) {
        ProcessEntry entry = table.register(pid, "test", "cmd" + pid, List.of("arg"), context, driver);
        drivers.put(pid, driver);
        return entry;
    }

    TestDriver driver(int pid) {
        TestDriver driver = drivers.get(pid);
        assertThat(driver).as("driver of pid %d", pid).isNotNull();
        return driver;
    }

    ProcessEntry entry(int pid) {
        return table.get(pid).orElseThrow(() -> new AssertionError("no process " + pid + " in the table"));
    }

    ProcessStatus status(int pid) {
        return entry(pid).status();
    }

    @Override
    public void close() {
        table.close();
    }

    /** Asserts that {@code call} throws a {@link KernelException} with {@code errno}. */
    static void assertErrno(ThrowingCallable call, Errno errno) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(errno);
                    assertThat(e.getMessage()).startsWith(errno.name() + ": ");
                });
    }

    /** Waits (bounded) until {@code thread} is parked, i.e. blocked inside the table. */
    static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                throw new AssertionError("thread " + thread.getName() + " ended instead of blocking");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("thread " + thread.getName() + " never blocked; state " + state);
            }
            Thread.sleep(1);
        }
    }
}
