package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sandkernel.Errno;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** POSIX waitpid on behalf of a process in the table. */
@Timeout(30)
class WaitpidTest {
    private static final Duration BLOCKING = Duration.ofSeconds(10);
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void waitpidForOneChildReapsItWhenItHasExited() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 7);

        Optional<WaitResult> result = f.table.waitpid(parent, child);

        assertThat(result).contains(new WaitResult(child, 7, WaitEvent.EXITED));
        assertThat(f.table.get(child)).isEmpty();
        assertThatThrownBy(() -> f.table.getppid(child)).hasMessageStartingWith("ESRCH");
        f.table.checkInvariants();
    }

    @Test
    void blockingWaitpidIsWokenByALaterExitOnAnotherThread() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        Background<Optional<WaitResult>> waiter =
                Background.start("waitpid", () -> f.table.waitpid(parent, -1)).awaitParked();
        assertThat(waiter.isDone()).isFalse();

        Background.start("exiter", () -> {
            f.table.markExited(child, 11);
            return null;
        }).get();

        assertThat(waiter.get()).contains(new WaitResult(child, 11, WaitEvent.EXITED));
        assertThat(f.table.get(child)).isEmpty();
    }

    @Test
    void blockingWaitpidReturnsAtOnceWhenAChildHasAlreadyExited() {
        int parent = f.spawn(0);
        int running = f.spawn(parent);
        int exited = f.spawn(parent);
        f.table.markExited(exited, 1);

        Optional<WaitResult> result = assertTimeoutPreemptively(BLOCKING, () -> f.table.waitpid(parent, -1));

        assertThat(result).contains(new WaitResult(exited, 1, WaitEvent.EXITED));
        assertThat(f.status(running)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void anyChildSelectorReturnsTheLowestWaitablePidFirst() throws Exception {
        int parent = f.spawn(0);
        int a = f.spawn(parent);
        int b = f.spawn(parent);
        int c = f.spawn(parent);
        f.table.markExited(c, 3);
        f.table.markExited(a, 1);

        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG)).contains(new WaitResult(a, 1, WaitEvent.EXITED));
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG)).contains(new WaitResult(c, 3, WaitEvent.EXITED));
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG)).isEmpty();
        assertThat(f.status(b)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void waitpidOnlyReapsChildrenOfTheWaiter() throws Exception {
        int parent = f.spawn(0);
        int other = f.spawn(0);
        int child = f.spawn(parent);
        int stranger = f.spawn(other);
        f.table.markExited(stranger, 0);

        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG)).isEmpty();
        assertErrno(() -> f.table.waitpid(parent, stranger, WaitOption.WNOHANG), Errno.ECHILD);
        assertThat(f.table.get(stranger)).isPresent();
        assertThat(f.status(child)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void zeroSelectsChildrenInTheWaitersGroup() throws Exception {
        int parent = f.spawn(0);
        int sameGroup = f.spawn(parent);
        int ownGroup = f.spawn(parent);
        f.table.setpgid(ownGroup, 0);
        f.table.markExited(ownGroup, 2);

        assertThat(f.table.waitpid(parent, 0, WaitOption.WNOHANG)).isEmpty();

        f.table.markExited(sameGroup, 1);
        assertThat(f.table.waitpid(parent, 0, WaitOption.WNOHANG)).contains(new WaitResult(sameGroup, 1, WaitEvent.EXITED));
        assertErrno(() -> f.table.waitpid(parent, 0, WaitOption.WNOHANG), Errno.ECHILD);
        assertThat(f.table.get(ownGroup)).isPresent();
    }

    @Test
    void negativeSelectorSelectsChildrenInGroupOfItsAbsoluteValue() throws Exception {
        int parent = f.spawn(0);
        int leader = f.spawn(parent);
        f.table.setpgid(leader, 0);
        int member = f.spawn(parent);
        f.table.setpgid(member, leader);
        int outsider = f.spawn(parent);
        f.table.markExited(outsider, 9);

        assertThat(f.table.waitpid(parent, -leader, WaitOption.WNOHANG)).isEmpty();

        f.table.markExited(member, 4);
        assertThat(f.table.waitpid(parent, -leader, WaitOption.WNOHANG)).contains(new WaitResult(member, 4, WaitEvent.EXITED));
        f.table.markExited(leader, 5);
        assertThat(f.table.waitpid(parent, -leader, WaitOption.WNOHANG)).contains(new WaitResult(leader, 5, WaitEvent.EXITED));
        assertErrno(() -> f.table.waitpid(parent, -leader, WaitOption.WNOHANG), Errno.ECHILD);
        assertThat(f.table.get(outsider)).isPresent();
    }

    @Test
    void waitpidWithoutMatchingChildFailsWithEchild() {
        int parent = f.spawn(0);
        int notAChild = f.spawn(0);

        assertErrno(() -> f.table.waitpid(parent, -1), Errno.ECHILD);
        assertErrno(() -> f.table.waitpid(parent, 0), Errno.ECHILD);
        assertErrno(() -> f.table.waitpid(parent, -parent), Errno.ECHILD);
        assertErrno(() -> f.table.waitpid(parent, notAChild), Errno.ECHILD);
        assertErrno(() -> f.table.waitpid(parent, 4242), Errno.ECHILD);
        assertErrno(() -> f.table.waitpid(parent, -1, WaitOption.WNOHANG), Errno.ECHILD);
    }

    @Test
    void waitpidForAnUnknownWaiterFailsWithEsrch() {
        int parent = f.spawn(0);
        f.spawn(parent);

        assertErrno(() -> f.table.waitpid(77, -1), Errno.ESRCH);
        assertErrno(() -> f.table.waitpid(77, -1, WaitOption.WNOHANG), Errno.ESRCH);
    }

    @Test
    void wnohangReturnsEmptyWhileChildrenRun() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG)).isEmpty();
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG)).isEmpty();
    }

    @Test
    void wuntracedReportsAStopOnceWithTheStoppingSignal() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.kill(child, Signals.SIGSTOP);

        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED))
                .contains(new WaitResult(child, Signals.SIGSTOP, WaitEvent.STOPPED));
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED)).isEmpty();
        assertThat(f.table.get(child)).isPresent();
    }

    @Test
    void wcontinuedReportsAContinueOnceWithSigcont() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.kill(child, Signals.SIGSTOP);
        f.table.kill(child, Signals.SIGCONT);

        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WCONTINUED))
                .contains(new WaitResult(child, Signals.SIGCONT, WaitEvent.CONTINUED));
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WCONTINUED)).isEmpty();
    }

    @Test
    void stopAndContinueEventsAreReportedInOrder() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.kill(child, Signals.SIGSTOP);
        f.table.kill(child, Signals.SIGCONT);
        f.table.kill(child, Signals.SIGTSTP);
        WaitOption[] all = {WaitOption.WNOHANG, WaitOption.WUNTRACED, WaitOption.WCONTINUED};

        assertThat(f.table.waitpid(parent, child, all)).contains(new WaitResult(child, Signals.SIGSTOP, WaitEvent.STOPPED));
        assertThat(f.table.waitpid(parent, child, all)).contains(new WaitResult(child, Signals.SIGCONT, WaitEvent.CONTINUED));
        assertThat(f.table.waitpid(parent, child, all)).contains(new WaitResult(child, Signals.SIGTSTP, WaitEvent.STOPPED));
        assertThat(f.table.waitpid(parent, child, all)).isEmpty();
    }

    @Test
    void withoutWuntracedOrWcontinuedStopsAndContinuesAreNotReported() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.kill(child, Signals.SIGSTOP);

        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG)).isEmpty();
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WCONTINUED)).isEmpty();

        f.table.kill(child, Signals.SIGCONT);
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG)).isEmpty();
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED))
                .contains(new WaitResult(child, Signals.SIGSTOP, WaitEvent.STOPPED));
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED)).isEmpty();
    }

    @Test
    void unreportedStopDoesNotHideTheExit() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.kill(child, Signals.SIGSTOP);
        f.table.markExited(child, 2);

        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG)).contains(new WaitResult(child, 2, WaitEvent.EXITED));
        assertThat(f.table.get(child)).isEmpty();
    }

    @Test
    void blockingWaitpidWithWuntracedIsWokenByAStop() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        Background<Optional<WaitResult>> waiter =
                Background.start("waitpid", () -> f.table.waitpid(parent, child, WaitOption.WUNTRACED)).awaitParked();

        f.table.kill(child, Signals.SIGTSTP);

        assertThat(waiter.get()).contains(new WaitResult(child, Signals.SIGTSTP, WaitEvent.STOPPED));
    }

    @Test
    void blockingWaitpidWithoutWuntracedSleepsThroughAStop() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        Background<Optional<WaitResult>> waiter =
                Background.start("waitpid", () -> f.table.waitpid(parent, child)).awaitParked();

        f.table.kill(child, Signals.SIGSTOP);
        f.table.kill(child, Signals.SIGCONT);
        waiter.awaitParked();
        assertThat(waiter.isDone()).isFalse();
        f.table.markExited(child, 0);

        assertThat(waiter.get()).contains(new WaitResult(child, 0, WaitEvent.EXITED));
    }

    @Test
    void blockingWaitpidFailsWithEchildWhenItsLastChildIsReparentedAway() throws Exception {
        int init = f.spawn(0);
        int parent = f.spawn(init);
        int child = f.spawn(parent);
        Background<Optional<WaitResult>> waiter =
                Background.start("waitpid", () -> f.table.waitpid(parent, child)).awaitParked();

        f.table.markExited(parent, 0);

        assertThatThrownBy(waiter::get).hasMessageStartingWith("ECHILD");
        assertThat(f.table.getppid(child)).isEqualTo(init);
    }

    @Test
    void interruptedWaitpidThrowsAndLeavesTheChildWaitable() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        Background<Optional<WaitResult>> waiter =
                Background.start("waitpid", () -> f.table.waitpid(parent, -1)).awaitParked();

        waiter.thread.interrupt();

        assertThatThrownBy(waiter::get).isInstanceOf(InterruptedException.class);
        f.table.markExited(child, 8);
        Optional<WaitResult> result = assertTimeoutPreemptively(BLOCKING, () -> f.table.waitpid(parent, -1));
        assertThat(result).contains(new WaitResult(child, 8, WaitEvent.EXITED));
    }

    @Test
    void aWaiterMayItselfBeAZombie() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 1);
        f.table.markExited(parent, 0);

        // The parent (pid 1, init) exited after the child: the child was reparented to 0.
        assertErrno(() -> f.table.waitpid(parent, -1, WaitOption.WNOHANG), Errno.ECHILD);
    }

    @Test
    void waitpidReportsAnExitOnlyAfterTheExitCallbackFinished() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean callbackDone = new AtomicBoolean();
        f.table.setOnProcessExit(exited -> {
            entered.countDown();
            try {
                assertThat(release.await(TableFixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            callbackDone.set(true);
        });
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        AtomicBoolean doneWhenReturned = new AtomicBoolean();
        Background<Optional<WaitResult>> waiter = Background.start("waitpid", () -> {
            Optional<WaitResult> result = f.table.waitpid(parent, child, BLOCKING);
            doneWhenReturned.set(callbackDone.get());
            return result;
        });
        Background<Void> exiting = Background.start("driver", () -> {
            f.driver(child).exit(6);
            return null;
        });
        assertThat(entered.await(TableFixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG)).as("not reported while the callback runs").isEmpty();
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG)).isEmpty();
        assertThat(waiter.isDone()).isFalse();
        release.countDown();

        assertThat(waiter.get()).contains(new WaitResult(child, 6, WaitEvent.EXITED));
        assertThat(doneWhenReturned).as("the callback had finished when waitpid returned").isTrue();
        exiting.get();
        f.table.checkInvariants();
    }

    @Test
    void repeatedOptionsAreHarmless() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.kill(child, Signals.SIGSTOP);

        assertThat(f.table.waitpid(parent, -1, WaitOption.WUNTRACED, WaitOption.WNOHANG, WaitOption.WUNTRACED))
                .contains(new WaitResult(child, Signals.SIGSTOP, WaitEvent.STOPPED));
    }
}
