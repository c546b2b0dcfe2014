package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drivers and the exit callback are foreign code: they may throw, and they may call back into the
 * table, from the calling thread or from another one. None of that may corrupt or deadlock it.
 */
@Timeout(60)
class CallbackRobustnessTest {
    private static final Duration DEADLOCK_GUARD = Duration.ofSeconds(10);
    private static final long JOIN_MILLIS = 5_000;
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** Runs {@code call} on another thread and reports whether it finished within a few seconds. */
    private static boolean finishesOnAnotherThread(Runnable call) {
        Thread thread = new Thread(call, "reentrant-caller");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !thread.isAlive();
    }

    @Test
    void aThrowingDriverDoesNotStopDeliveryToTheRestOfTheGroup() {
        int leader = f.spawn(0);
        int broken = f.spawn(leader, new TestDriver().throwingOnKill());
        int healthy = f.spawn(leader);

        assertThatCode(() -> f.table.kill(-leader, Signals.SIGUSR1)).doesNotThrowAnyException();

        assertThat(f.driver(leader).signals()).containsExactly(Signals.SIGUSR1);
        assertThat(f.driver(broken).signals()).containsExactly(Signals.SIGUSR1);
        assertThat(f.driver(healthy).signals()).containsExactly(Signals.SIGUSR1);
        f.table.checkInvariants();
        f.table.kill(-leader, Signals.SIGUSR2);
        assertThat(f.driver(healthy).signals()).containsExactly(Signals.SIGUSR1, Signals.SIGUSR2);
    }

    @Test
    void aThrowingParentDriverDoesNotDisturbTheChildsExit() throws Exception {
        List<Integer> exits = new CopyOnWriteArrayList<>();
        f.table.setOnProcessExit(exits::add);
        int parent = f.spawn(0, new TestDriver().throwingOnKill());
        int child = f.spawn(parent);

        catchThrowable(() -> f.table.markExited(child, 5));

        assertThat(f.status(child)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(exits).containsExactly(child);
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG)).contains(new WaitResult(child, 5, WaitEvent.EXITED));
        f.table.checkInvariants();
    }

    @Test
    void aThrowingExitCallbackDoesNotBreakTheTable() throws Exception {
        List<Integer> exits = new CopyOnWriteArrayList<>();
        f.table.setOnProcessExit(pid -> {
            exits.add(pid);
            throw new IllegalStateException("callback failure");
        });
        int parent = f.spawn(0);
        int first = f.spawn(parent);
        int second = f.spawn(parent);
        Background<Optional<WaitResult>> waiter =
                Background.start("waitpid", () -> f.table.waitpid(parent, first)).awaitParked();

        catchThrowable(() -> f.table.markExited(first, 1));

        assertThat(waiter.get()).as("the blocked waiter was still woken")
                .contains(new WaitResult(first, 1, WaitEvent.EXITED));
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        catchThrowable(() -> f.driver(second).exit(2));
        assertThat(exits).containsExactly(first, second);
        assertThat(f.status(second)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);
        f.table.checkInvariants();
    }

    @Test
    void aDriverMayMarkItselfExitedFromInsideKill() {
        int parent = f.spawn(0);
        TestDriver driver = new TestDriver();
        int pid = f.spawn(parent, driver);
        driver.onKill(signal -> f.table.markExited(pid, 128 + signal));

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.kill(pid, Signals.SIGTERM));

        assertThat(f.status(pid)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.entry(pid).exitCode()).hasValue(128 + Signals.SIGTERM);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        f.table.checkInvariants();
    }

    @Test
    void aDriverMayCallItsExitHookFromInsideKillDuringAGroupKill() {
        int leader = f.spawn(0);
        int a = f.spawn(leader, new TestDriver().exitingOn(Signals.SIGHUP));
        int b = f.spawn(leader, new TestDriver().exitingOn(Signals.SIGHUP));

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.kill(-leader, Signals.SIGHUP));

        assertThat(f.status(a)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.status(b)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.driver(leader).signals()).containsExactlyInAnyOrder(Signals.SIGHUP, Signals.SIGCHLD, Signals.SIGCHLD);
        f.table.checkInvariants();
    }

    @Test
    void aDriverMayCallTheTableFromInsideKill() {
        int pid = f.spawn(0);
        int other = f.spawn(0);
        AtomicReference<SortedMap<Integer, ProcessInfo>> seen = new AtomicReference<>();
        f.driver(pid).onKill(signal -> {
            if (signal == Signals.SIGUSR1) {
                seen.set(f.table.listProcesses());
                f.table.kill(other, Signals.SIGUSR2);
                f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGUSR2));
                f.table.setUmask(pid, 0);
            }
        });

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.kill(pid, Signals.SIGUSR1));

        assertThat(seen.get()).containsOnlyKeys(pid, other);
        assertThat(f.driver(other).signals()).containsExactly(Signals.SIGUSR2);
        assertThat(f.table.getUmask(pid)).isZero();
    }

    @Test
    void theExitCallbackMayCallBackIntoTheTable() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        AtomicReference<SortedMap<Integer, ProcessInfo>> seen = new AtomicReference<>();
        AtomicReference<Optional<WaitResult>> reaped = new AtomicReference<>();
        f.table.setOnProcessExit(pid -> {
            seen.set(f.table.listProcesses());
            f.table.kill(parent, Signals.SIGUSR1);
            try {
                reaped.set(f.table.waitpid(parent, pid, WaitOption.WNOHANG));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.markExited(child, 4));

        assertThat(seen.get().get(child).status()).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.driver(parent).signals()).containsExactlyInAnyOrder(Signals.SIGCHLD, Signals.SIGUSR1);
        assertThat(reaped.get()).contains(new WaitResult(child, 4, WaitEvent.EXITED));
        assertThat(f.table.get(child)).isEmpty();
        assertThat(f.table.zombieTimerCount()).isZero();
        f.table.checkInvariants();
    }

    @Test
    void noLockIsHeldWhileADriverReceivesASignal() {
        int pid = f.spawn(0);
        AtomicBoolean otherThreadGotIn = new AtomicBoolean();
        f.driver(pid).onKill(signal -> otherThreadGotIn.set(finishesOnAnotherThread(() -> {
            f.table.get(pid);
            f.table.listProcesses();
        })));

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.kill(pid, Signals.SIGUSR1));

        assertThat(otherThreadGotIn).as("another thread could use the table during kill()").isTrue();
    }

    @Test
    void noLockIsHeldWhileADriverReceivesSigchld() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        AtomicBoolean otherThreadGotIn = new AtomicBoolean();
        f.driver(parent).onKill(signal -> otherThreadGotIn.set(finishesOnAnotherThread(() -> f.table.get(child))));

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.markExited(child, 0));

        assertThat(otherThreadGotIn).isTrue();
    }

    @Test
    void noLockIsHeldWhilePendingSignalsAreDeliveredOnUnblock() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGUSR1));
        f.table.kill(pid, Signals.SIGUSR1);
        AtomicBoolean otherThreadGotIn = new AtomicBoolean();
        f.driver(pid).onKill(signal -> otherThreadGotIn.set(finishesOnAnotherThread(() -> f.table.sigpending(pid))));

        assertTimeoutPreemptively(DEADLOCK_GUARD,
                () -> f.table.sigprocmask(pid, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGUSR1)));

        assertThat(otherThreadGotIn).isTrue();
    }

    @Test
    void noLockIsHeldWhileTheExitCallbackRuns() {
        int pid = f.spawn(0);
        AtomicBoolean otherThreadGotIn = new AtomicBoolean();
        f.table.setOnProcessExit(exited -> otherThreadGotIn.set(finishesOnAnotherThread(() -> f.table.listProcesses())));

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.markExited(pid, 0));

        assertThat(otherThreadGotIn).isTrue();
    }

    @Test
    void noLockIsHeldWhileTheTableInstallsTheExitHook() {
        f.spawn(0);
        AtomicBoolean otherThreadGotIn = new AtomicBoolean();
        DriverProcess driver = new DriverProcess() {
            @Override
            public void kill(int signal) {}

            @Override
            public OptionalInt waitFor(Duration timeout) {
                return OptionalInt.empty();
            }

            @Override
            public void setOnExit(IntConsumer onExit) {
                otherThreadGotIn.set(finishesOnAnotherThread(() -> f.table.listProcesses()));
            }
        };
        int pid = f.table.allocatePid();

        assertTimeoutPreemptively(DEADLOCK_GUARD,
                () -> f.table.register(pid, "d", "c", List.of(), ProcessContext.defaults(), driver));

        assertThat(otherThreadGotIn).isTrue();
    }

    @Test
    void noLockIsHeldWhileTerminateAllWaitsForADriver() {
        AtomicBoolean otherThreadGotIn = new AtomicBoolean();
        DriverProcess driver = new DriverProcess() {
            @Override
            public void kill(int signal) {}

            @Override
            public OptionalInt waitFor(Duration timeout) {
                otherThreadGotIn.set(finishesOnAnotherThread(() -> f.table.listProcesses()));
                return OptionalInt.of(0);
            }

            @Override
            public void setOnExit(IntConsumer onExit) {}
        };
        int pid = f.table.allocatePid();
        f.table.register(pid, "d", "c", List.of(), ProcessContext.defaults(), driver);

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.terminateAll());

        assertThat(otherThreadGotIn).isTrue();
        assertThat(f.status(pid)).isEqualTo(ProcessStatus.EXITED);
    }

    @Test
    void aStaleExitHookDoesNotTouchANewProcessWithTheSamePid() throws Exception {
        TableFixture small = new TableFixture(1);
        try {
            TestDriver first = new TestDriver();
            int pid = small.spawn(0, first);
            first.exit(1);
            small.table.awaitExit(pid, TableFixture.PATIENCE);
            int reused = small.spawn(0);
            assertThat(reused).isEqualTo(pid);

            first.exitHook().accept(99);

            assertThat(small.status(reused)).isEqualTo(ProcessStatus.RUNNING);
            small.table.checkInvariants();
        } finally {
            small.close();
        }
    }

    @Test
    void anExecutionThatEndsWhileItsHookIsInstalledIsMarkedExited() {
        DriverProcess quick = new DriverProcess() {
            @Override
            public void kill(int signal) {}

            @Override
            public OptionalInt waitFor(Duration timeout) {
                return OptionalInt.of(7);
            }

            @Override
            public void setOnExit(IntConsumer onExit) {
                onExit.accept(7); // already finished: report at once
            }
        };
        int pid = f.table.allocatePid();

        assertTimeoutPreemptively(DEADLOCK_GUARD,
                () -> f.table.register(pid, "d", "c", List.of(), ProcessContext.defaults(), quick));

        assertThat(f.status(pid)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.entry(pid).exitCode()).hasValue(7);
        f.table.checkInvariants();
    }

    @Test
    void aDriverThatRefusesTheExitHookLeavesNoEntryBehind() {
        DriverProcess refusing = new DriverProcess() {
            @Override
            public void kill(int signal) {}

            @Override
            public OptionalInt waitFor(Duration timeout) {
                return OptionalInt.empty();
            }

            @Override
            public void setOnExit(IntConsumer onExit) {
                throw new IllegalStateException("no hooks, thanks");
            }
        };
        int pid = f.table.allocatePid();

        Throwable thrown = catchThrowable(
                () -> f.table.register(pid, "d", "c", List.of(), ProcessContext.defaults(), refusing));

        assertThat(thrown).isNotNull();
        assertThat(f.table.get(pid)).isEmpty();
        assertThat(f.table.listProcesses()).isEmpty();
        f.table.checkInvariants();
    }

    @Test
    void aDriverWhoseWaitForThrowsDoesNotStopTerminateAll() {
        DriverProcess broken = new DriverProcess() {
            @Override
            public void kill(int signal) {}

            @Override
            public OptionalInt waitFor(Duration timeout) {
                throw new IllegalStateException("wait failed");
            }

            @Override
            public void setOnExit(IntConsumer onExit) {}
        };
        int brokenPid = f.table.allocatePid();
        f.table.register(brokenPid, "d", "c", List.of(), ProcessContext.defaults(), broken);
        int polite = f.spawn(0, new TestDriver().exitingOn(Signals.SIGTERM).reportingExitThroughHook(false));

        assertTimeoutPreemptively(DEADLOCK_GUARD, () -> f.table.terminateAll());

        assertThat(f.entry(polite).exitCode()).hasValue(128 + Signals.SIGTERM);
        assertThat(f.status(brokenPid)).isEqualTo(ProcessStatus.RUNNING);
        f.table.checkInvariants();
    }

    @Test
    void exitHookOfAReapedProcessIsHarmless() throws Exception {
        int pid = f.spawn(0);
        f.table.markExited(pid, 0);
        f.table.awaitExit(pid, TableFixture.PATIENCE);

        assertThatCode(() -> f.driver(pid).exit(1)).doesNotThrowAnyException();
        assertThat(f.table.get(pid)).isEmpty();
        f.table.checkInvariants();
    }
}
