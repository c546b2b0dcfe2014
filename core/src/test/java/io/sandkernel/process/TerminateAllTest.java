package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** terminateAll: SIGTERM, a shared grace period, SIGKILL for survivors. */
@Timeout(60)
class TerminateAllTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everyRunningProcessGetsSigtermAndThoseThatExitAreMarkedExited() {
        int a = f.spawn(0, new TestDriver().exitingOn(Signals.SIGTERM).reportingExitThroughHook(false));
        int b = f.spawn(0, new TestDriver().exitingOn(Signals.SIGTERM).reportingExitThroughHook(false));

        f.table.terminateAll();

        assertThat(f.driver(a).signals()).containsExactly(Signals.SIGTERM);
        assertThat(f.driver(b).signals()).containsExactly(Signals.SIGTERM);
        assertThat(f.status(a)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.entry(a).exitCode()).hasValue(128 + Signals.SIGTERM);
        assertThat(f.entry(b).exitCode()).hasValue(128 + Signals.SIGTERM);
        assertThat(f.table.runningCount()).isZero();
        f.table.checkInvariants();
    }

    @Test
    void survivorsOfTheGracePeriodGetSigkill() {
        int stubborn = f.spawn(0, new TestDriver().exitingOn(Signals.SIGKILL).reportingExitThroughHook(false));
        int polite = f.spawn(0, new TestDriver().exitingOn(Signals.SIGTERM).reportingExitThroughHook(false));

        f.table.terminateAll();

        assertThat(f.driver(stubborn).signals()).containsExactly(Signals.SIGTERM, Signals.SIGKILL);
        assertThat(f.entry(stubborn).exitCode()).hasValue(128 + Signals.SIGKILL);
        assertThat(f.driver(polite).signals()).containsExactly(Signals.SIGTERM);
        assertThat(f.table.runningCount()).isZero();
    }

    @Test
    void aProcessThatIgnoresSigkillTooIsLeftRunning() {
        int immortal = f.spawn(0);

        long start = System.nanoTime();
        f.table.terminateAll();
        long elapsed = System.nanoTime() - start;

        assertThat(f.driver(immortal).signals()).containsExactly(Signals.SIGTERM, Signals.SIGKILL);
        assertThat(f.status(immortal)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(TimeUnit.NANOSECONDS.toMillis(elapsed)).as("0.5 s grace + 0.2 s after SIGKILL").isGreaterThanOrEqualTo(650);
    }

    @Test
    void aProcessThatExitsLateWithinTheGraceIsNotKilled() {
        TestDriver slow = new TestDriver();
        slow.onKill(signal -> {
            if (signal == Signals.SIGTERM) {
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> slow.exitQuietly(143));
            }
        });
        int pid = f.spawn(0, slow);

        f.table.terminateAll();

        assertThat(slow.signals()).containsExactly(Signals.SIGTERM);
        assertThat(f.entry(pid).exitCode()).hasValue(143);
    }

    @Test
    void theGracePeriodIsSharedNotPaidPerProcess() {
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pids.add(f.spawn(0, new TestDriver().exitingOn(Signals.SIGKILL).reportingExitThroughHook(false)));
        }

        long start = System.nanoTime();
        f.table.terminateAll();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMillis).as("20 processes ignoring SIGTERM share one grace period").isLessThan(5_000);
        for (int pid : pids) {
            assertThat(f.driver(pid).signals()).containsExactly(Signals.SIGTERM, Signals.SIGKILL);
            assertThat(f.entry(pid).exitCode()).hasValue(128 + Signals.SIGKILL);
        }
    }

    @Test
    void exitsDuringTerminateAllSendNoSigchldAndArmNoZombieTimer() throws Exception {
        int parent = f.spawn(0, new TestDriver().exitingOn(Signals.SIGTERM));
        int child = f.spawn(parent, new TestDriver().exitingOn(Signals.SIGTERM));
        int oldZombie = f.spawn(0);
        f.table.markExited(oldZombie, 0);
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);

        f.table.terminateAll();

        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGTERM);
        assertThat(f.status(parent)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.status(child)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.table.zombieTimerCount()).isZero();
        assertThat(f.table.awaitExit(child, TableFixture.PATIENCE)).contains(new WaitResult(child, 143, WaitEvent.EXITED));
        f.table.checkInvariants();
    }

    @Test
    void zombiesAreNotSentSigterm() {
        int zombie = f.spawn(0);
        f.table.markExited(zombie, 0);
        int running = f.spawn(0, new TestDriver().exitingOn(Signals.SIGTERM));

        f.table.terminateAll();

        assertThat(f.driver(zombie).signals()).isEmpty();
        assertThat(f.driver(running).signals()).containsExactly(Signals.SIGTERM);
    }

    @Test
    void theTableWorksNormallyAfterTerminateAll() {
        f.spawn(0, new TestDriver().exitingOn(Signals.SIGTERM));
        f.table.terminateAll();

        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 0);

        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);
    }

    @Test
    void terminateAllOfAnEmptyTableReturnsAtOnce() {
        long start = System.nanoTime();
        f.table.terminateAll();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
