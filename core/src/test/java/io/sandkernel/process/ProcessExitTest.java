package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProcessExitTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void markExitedRecordsTheExitCodeAndTheWallClockExitTime() {
        try (ProcessTable table = ProcessTable.builder().zombieTtl(TableFixture.LONG_TTL).build()) {
            int pid = table.allocatePid();
            table.register(pid, "d", "c", List.of(), ProcessContext.defaults(), new TestDriver());
            long before = System.currentTimeMillis();

            table.markExited(pid, 42);

            long after = System.currentTimeMillis();
            ProcessEntry entry = table.get(pid).orElseThrow();
            assertThat(entry.status()).isEqualTo(ProcessStatus.EXITED);
            assertThat(entry.exitCode()).hasValue(42);
            assertThat(entry.exitTimeMillis()).isPresent();
            assertThat(entry.exitTimeMillis().getAsLong()).isBetween(before, after);
        }
    }

    @Test
    void exitedProcessStaysInTheTableAsAZombie() {
        int pid = f.spawn(0);

        f.table.markExited(pid, -1);

        assertThat(f.table.listProcesses()).containsKey(pid);
        assertThat(f.table.listProcesses().get(pid).exitCode()).hasValue(-1);
        assertThat(f.table.runningCount()).isZero();
    }

    @Test
    void exitingChildSignalsItsRunningParentWithSigchld() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.table.markExited(child, 0);

        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.driver(child).signals()).isEmpty();
    }

    @Test
    void exitingChildDoesNotSignalAStoppedParent() {
        // The parent leads a group that its own parent keeps attached to the session, so the
        // child's exit orphans nothing and the only candidate signal is SIGCHLD.
        int init = f.spawn(0);
        int grandparent = f.spawn(init);
        int parent = f.spawn(grandparent);
        f.table.setpgid(parent, 0);
        int child = f.spawn(parent);
        f.table.markStopped(parent, Signals.SIGSTOP);

        f.table.markExited(child, 0);

        assertThat(f.driver(parent).signals()).isEmpty();
        assertThat(f.table.sigpending(parent).contains(Signals.SIGCHLD)).isFalse();
    }

    @Test
    void sigchldIsLeftPendingWhenTheParentBlocksIt() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.sigprocmask(parent, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGCHLD));

        f.table.markExited(child, 0);

        assertThat(f.driver(parent).signals()).isEmpty();
        assertThat(f.table.sigpending(parent)).isEqualTo(SignalSet.of(Signals.SIGCHLD));

        f.table.sigprocmask(parent, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGCHLD));

        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.table.sigpending(parent)).isEqualTo(SignalSet.empty());
    }

    @Test
    void rootProcessExitSignalsNobody() {
        int other = f.spawn(0);
        int root = f.spawn(0);

        f.table.markExited(root, 0);

        assertThat(f.driver(other).signals()).isEmpty();
        assertThat(f.driver(root).signals()).isEmpty();
    }

    @Test
    void childrenAreReparentedToInitWhileInitLives() {
        int init = f.spawn(0);
        int parent = f.spawn(init);
        int living = f.spawn(parent);
        int zombie = f.spawn(parent);
        f.table.markExited(zombie, 5);

        f.table.markExited(parent, 0);

        assertThat(init).isEqualTo(1);
        assertThat(f.table.getppid(living)).isEqualTo(1);
        assertThat(f.table.getppid(zombie)).isEqualTo(1);
        assertThat(f.entry(living).ppid()).isEqualTo(1);
    }

    @Test
    void aStoppedInitStillAdoptsOrphans() {
        int init = f.spawn(0);
        int parent = f.spawn(init);
        int child = f.spawn(parent);
        f.table.markStopped(init, Signals.SIGSTOP);

        f.table.markExited(parent, 0);

        assertThat(f.table.getppid(child)).isEqualTo(init);
    }

    @Test
    void childrenAreReparentedToZeroOnceInitHasExited() {
        int init = f.spawn(0);
        int parent = f.spawn(init);
        int child = f.spawn(parent);

        f.table.markExited(init, 0);
        assertThat(f.table.getppid(parent)).isZero();

        f.table.markExited(parent, 0);
        assertThat(f.table.getppid(child)).isZero();
    }

    @Test
    void childrenAreReparentedToZeroWhenThereIsNoInit() {
        f.register(5, ProcessContext.defaults(), new TestDriver());
        f.register(6, ProcessContext.ofParent(5), new TestDriver());

        f.table.markExited(5, 0);

        assertThat(f.table.getppid(6)).isZero();
    }

    @Test
    void orphansAdoptedByInitAreWaitableByInit() throws Exception {
        int init = f.spawn(0);
        int parent = f.spawn(init);
        int child = f.spawn(parent);
        f.table.markExited(parent, 0);
        f.table.markExited(child, 4);

        assertThat(f.table.waitpid(init, child, WaitOption.WNOHANG)).contains(new WaitResult(child, 4, WaitEvent.EXITED));
        assertThat(f.driver(init).signals()).containsExactly(Signals.SIGCHLD, Signals.SIGCHLD);
    }

    @Test
    void onProcessExitCallbackReceivesThePidOfEachExitingProcess() {
        List<Integer> exits = new CopyOnWriteArrayList<>();
        f.table.setOnProcessExit(exits::add);
        int a = f.spawn(0);
        int b = f.spawn(a);

        f.table.markExited(b, 0);
        f.driver(a).exit(1);

        assertThat(exits).containsExactly(b, a);
    }

    @Test
    void settingTheExitCallbackToNullClearsIt() {
        List<Integer> exits = new CopyOnWriteArrayList<>();
        f.table.setOnProcessExit(exits::add);
        f.table.setOnProcessExit(null);

        f.table.markExited(f.spawn(0), 0);

        assertThat(exits).isEmpty();
    }

    @Test
    void exitingTwiceIsANoOp() {
        List<Integer> exits = new CopyOnWriteArrayList<>();
        f.table.setOnProcessExit(exits::add);
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 3);
        ProcessEntry first = f.entry(child);
        f.clock.advance(java.time.Duration.ofSeconds(5));

        f.table.markExited(child, 99);
        f.driver(child).exit(77);

        ProcessEntry second = f.entry(child);
        assertThat(second.exitCode()).hasValue(3);
        assertThat(second.exitTimeMillis()).isEqualTo(first.exitTimeMillis());
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(exits).containsExactly(child);
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);
    }

    @Test
    void driverExitHookMarksTheProcessExited() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.driver(child).exit(12);

        assertThat(f.status(child)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.entry(child).exitCode()).hasValue(12);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
    }

    @Test
    void driverExitHookWorksFromAnotherThread() throws Exception {
        int pid = f.spawn(0);

        Background.start("driver-exit", () -> {
            f.driver(pid).exit(21);
            return null;
        }).get();

        assertThat(f.table.awaitExit(pid, TableFixture.PATIENCE)).contains(new WaitResult(pid, 21, WaitEvent.EXITED));
    }

    @Test
    void aStoppedProcessCanExit() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markStopped(child, Signals.SIGTSTP);

        f.table.markExited(child, 1);

        assertThat(f.status(child)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.entry(child).exitCode()).hasValue(1);
    }

    @Test
    void exitStartsAZombieTimer() {
        int pid = f.spawn(0);
        assertThat(f.table.zombieTimerCount()).isZero();

        f.table.markExited(pid, 0);

        assertThat(f.table.zombieTimerCount()).isEqualTo(1);
        f.table.checkInvariants();
    }
}
