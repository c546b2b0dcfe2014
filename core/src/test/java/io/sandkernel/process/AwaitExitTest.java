package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The host-side wait: block until one pid exits, then reap it. */
@Timeout(30)
class AwaitExitTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void awaitExitReapsAnAlreadyExitedProcessAtOnce() throws Exception {
        int pid = f.spawn(0);
        f.table.markExited(pid, 17);

        WaitResult result = f.table.awaitExit(pid);

        assertThat(result).isEqualTo(new WaitResult(pid, 17, WaitEvent.EXITED));
        assertThat(f.table.get(pid)).isEmpty();
        assertThat(f.table.listProcesses()).isEmpty();
        f.table.checkInvariants();
    }

    @Test
    void awaitExitBlocksUntilTheProcessExitsAndThenReapsIt() throws Exception {
        int pid = f.spawn(0);
        Background<WaitResult> waiter = Background.start("await-exit", () -> f.table.awaitExit(pid)).awaitParked();
        assertThat(waiter.isDone()).isFalse();

        f.table.markExited(pid, 3);

        assertThat(waiter.get()).isEqualTo(new WaitResult(pid, 3, WaitEvent.EXITED));
        assertThat(f.table.get(pid)).isEmpty();
    }

    @Test
    void awaitExitIsWokenByTheDriverExitHookOnAnotherThread() throws Exception {
        int pid = f.spawn(0);
        Background<Optional<WaitResult>> waiter =
                Background.start("await-exit", () -> f.table.awaitExit(pid, TableFixture.PATIENCE)).awaitParked();

        Background.start("driver", () -> {
            f.driver(pid).exit(5);
            return null;
        }).get();

        assertThat(waiter.get()).contains(new WaitResult(pid, 5, WaitEvent.EXITED));
    }

    @Test
    void awaitExitIsNotWokenForGoodByOtherProcessesExiting() throws Exception {
        int pid = f.spawn(0);
        int other = f.spawn(0);
        Background<Optional<WaitResult>> waiter =
                Background.start("await-exit", () -> f.table.awaitExit(pid, TableFixture.PATIENCE)).awaitParked();

        f.table.markExited(other, 1);
        f.table.kill(pid, Signals.SIGSTOP);
        waiter.awaitParked();
        assertThat(waiter.isDone()).isFalse();
        f.table.markExited(pid, 2);

        assertThat(waiter.get()).contains(new WaitResult(pid, 2, WaitEvent.EXITED));
        assertThat(f.table.get(other)).isPresent();
    }

    @Test
    void awaitExitOfAnUnknownPidFailsWithEsrch() {
        f.spawn(0);

        assertErrno(() -> f.table.awaitExit(99), Errno.ESRCH);
        assertErrno(() -> f.table.awaitExit(99, Duration.ofSeconds(1)), Errno.ESRCH);
    }

    @Test
    void awaitExitOfAReapedPidFailsWithEsrch() throws Exception {
        int pid = f.spawn(0);
        f.table.markExited(pid, 0);
        f.table.awaitExit(pid);

        assertErrno(() -> f.table.awaitExit(pid), Errno.ESRCH);
    }

    @Test
    void timedAwaitExitReturnsEmptyWhenTheProcessOutlivesTheTimeout() throws Exception {
        int pid = f.spawn(0);

        long start = System.nanoTime();
        Optional<WaitResult> result = f.table.awaitExit(pid, Duration.ofMillis(50));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result).isEmpty();
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(45);
        assertThat(f.status(pid)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void timedAwaitExitWithZeroTimeoutPollsOnce() throws Exception {
        int running = f.spawn(0);
        int exited = f.spawn(0);
        f.table.markExited(exited, 4);

        assertThat(f.table.awaitExit(running, Duration.ZERO)).isEmpty();
        assertThat(f.table.awaitExit(exited, Duration.ZERO)).contains(new WaitResult(exited, 4, WaitEvent.EXITED));
    }

    @Test
    void interruptedAwaitExitThrowsAndLosesNothing() throws Exception {
        int pid = f.spawn(0);
        Background<WaitResult> waiter = Background.start("await-exit", () -> f.table.awaitExit(pid)).awaitParked();

        waiter.thread.interrupt();

        assertThatThrownBy(waiter::get).isInstanceOf(InterruptedException.class);
        assertThat(f.status(pid)).isEqualTo(ProcessStatus.RUNNING);

        f.table.markExited(pid, 6);
        assertThat(f.status(pid)).as("the zombie is still there for the next wait").isEqualTo(ProcessStatus.EXITED);
        assertThat(f.table.awaitExit(pid, TableFixture.PATIENCE)).contains(new WaitResult(pid, 6, WaitEvent.EXITED));
    }

    @Test
    void interruptedTimedAwaitExitThrowsToo() throws Exception {
        int pid = f.spawn(0);
        Background<Optional<WaitResult>> waiter =
                Background.start("await-exit", () -> f.table.awaitExit(pid, Duration.ofMinutes(5))).awaitParked();

        waiter.thread.interrupt();

        assertThatThrownBy(waiter::get).isInstanceOf(InterruptedException.class);
        assertThat(f.table.get(pid)).isPresent();
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(TableFixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                .as("latch released in time").isTrue();
    }

    /** The exit callback that signals {@code entered}, then blocks until {@code release}, then flags {@code done}. */
    private static java.util.function.IntConsumer blockingCallback(CountDownLatch entered, CountDownLatch release,
                                                                   AtomicBoolean done) {
        return exited -> {
            entered.countDown();
            try {
                await(release);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            done.set(true);
        };
    }

    @Test
    void awaitExitReturnsAfterExitCallbackFinished() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean callbackDone = new AtomicBoolean();
        f.table.setOnProcessExit(blockingCallback(entered, release, callbackDone));
        int pid = f.spawn(0);
        AtomicBoolean doneWhenReturned = new AtomicBoolean();
        Background<Optional<WaitResult>> waiter = Background.start("await-exit", () -> {
            Optional<WaitResult> result = f.table.awaitExit(pid, TableFixture.PATIENCE);
            doneWhenReturned.set(callbackDone.get());
            return result;
        });
        Background<Void> exiting = Background.start("driver", () -> {
            f.driver(pid).exit(3);
            return null;
        });
        await(entered);

        assertThat(f.status(pid)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.table.awaitExit(pid, Duration.ZERO)).as("not reported while the callback runs").isEmpty();
        assertThat(waiter.isDone()).isFalse();
        release.countDown();

        assertThat(waiter.get()).contains(new WaitResult(pid, 3, WaitEvent.EXITED));
        assertThat(doneWhenReturned).as("the callback had finished when awaitExit returned").isTrue();
        exiting.get();
        assertThat(f.table.get(pid)).isEmpty();
        f.table.checkInvariants();
    }

    @Test
    void awaitExitReturnsAfterTheSignalsOfTheExitAreDelivered() throws Exception {
        CountDownLatch inSigchld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int parent = f.spawn(0);
        f.driver(parent).onKill(signal -> {
            if (signal == Signals.SIGCHLD) {
                inSigchld.countDown();
                try {
                    await(release);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        int child = f.spawn(parent);
        Background<Void> exiting = Background.start("driver", () -> {
            f.driver(child).exit(4);
            return null;
        });
        await(inSigchld);

        assertThat(f.table.awaitExit(child, Duration.ZERO)).as("not reported while SIGCHLD is delivered").isEmpty();
        release.countDown();

        assertThat(f.table.awaitExit(child, TableFixture.PATIENCE)).contains(new WaitResult(child, 4, WaitEvent.EXITED));
        exiting.get();
    }

    @Test
    void awaitExitIsWokenAfterAThrowingExitCallback() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        f.table.setOnProcessExit(exited -> {
            entered.countDown();
            try {
                await(release);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("callback failure");
        });
        int pid = f.spawn(0);
        Background<Void> exiting = Background.start("driver", () -> {
            f.driver(pid).exit(8);
            return null;
        });
        await(entered);
        Background<Optional<WaitResult>> waiter =
                Background.start("await-exit", () -> f.table.awaitExit(pid, TableFixture.PATIENCE));
        release.countDown();

        assertThat(waiter.get()).contains(new WaitResult(pid, 8, WaitEvent.EXITED));
        exiting.get();
        f.table.checkInvariants();
    }

    /** The thread running the exit callback is not kept waiting for its own announcement. */
    @Test
    void exitCallbackMayReapItsProcessWithAwaitExit() throws Exception {
        AtomicReference<Optional<WaitResult>> reaped = new AtomicReference<>();
        f.table.setOnProcessExit(exited -> {
            try {
                reaped.set(f.table.awaitExit(exited, TableFixture.PATIENCE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int pid = f.spawn(0);

        f.table.markExited(pid, 2);

        assertThat(reaped.get()).contains(new WaitResult(pid, 2, WaitEvent.EXITED));
        assertThat(f.table.get(pid)).isEmpty();
        assertThat(f.table.zombieTimerCount()).isZero();
        f.table.checkInvariants();
    }

    @Test
    void twoWaitersForOnePidCollectItsExitExactlyOnce() throws Exception {
        int pid = f.spawn(0);
        List<Background<WaitResult>> waiters = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            waiters.add(Background.start("await-exit-" + i, () -> f.table.awaitExit(pid)).awaitParked());
        }

        f.table.markExited(pid, 9);

        int collected = 0;
        int esrch = 0;
        for (Background<WaitResult> waiter : waiters) {
            try {
                assertThat(waiter.get()).isEqualTo(new WaitResult(pid, 9, WaitEvent.EXITED));
                collected++;
            } catch (KernelException e) {
                assertThat(e.errno()).isEqualTo(Errno.ESRCH);
                esrch++;
            }
        }
        assertThat(collected).isEqualTo(1);
        assertThat(esrch).isEqualTo(1);
        assertThat(f.table.get(pid)).isEmpty();
    }
}
