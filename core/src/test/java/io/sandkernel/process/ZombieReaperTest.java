package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Zombies without a living parent are reaped once their TTL has passed on the table's clock. */
@Timeout(30)
class ZombieReaperTest {
    private static final Duration TTL = Duration.ofSeconds(60);
    private final TableFixture f = new TableFixture(Integer.MAX_VALUE, TTL);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void parentlessZombieIsReapedExactlyWhenItsTtlExpires() {
        int zombie = f.spawn(0);
        f.table.markExited(zombie, 0);
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);

        assertThat(f.table.reapExpiredZombies()).isZero();
        f.clock.advance(TTL.minusMillis(1));
        assertThat(f.table.reapExpiredZombies()).isZero();
        assertThat(f.table.get(zombie)).isPresent();

        f.clock.advance(Duration.ofMillis(1));

        assertThat(f.table.reapExpiredZombies()).isEqualTo(1);
        assertThat(f.table.get(zombie)).isEmpty();
        assertThat(f.table.zombieTimerCount()).isZero();
        f.table.checkInvariants();
    }

    @Test
    void livingProcessesAreNeverReaped() {
        int running = f.spawn(0);
        int stopped = f.spawn(0);
        f.table.markStopped(stopped, Signals.SIGSTOP);

        f.clock.advance(TTL.multipliedBy(10));

        assertThat(f.table.reapExpiredZombies()).isZero();
        assertThat(f.table.listProcesses()).containsOnlyKeys(running, stopped);
    }

    @Test
    void zombiesAreReapedInTheOrderTheirTtlsExpire() {
        int first = f.spawn(0);
        int second = f.spawn(0);
        f.table.markExited(first, 0);
        f.clock.advance(Duration.ofSeconds(30));
        f.table.markExited(second, 0);

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(f.table.reapExpiredZombies()).isEqualTo(1);
        assertThat(f.table.get(first)).isEmpty();
        assertThat(f.table.get(second)).isPresent();
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(f.table.reapExpiredZombies()).isEqualTo(1);
        assertThat(f.table.listProcesses()).isEmpty();
    }

    @Test
    void zombieWithALivingParentIsKeptAndRearmedUntilThatParentIsGone() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 8);

        f.clock.advance(TTL);
        assertThat(f.table.reapExpiredZombies()).isZero();
        assertThat(f.table.get(child)).isPresent();
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);

        f.clock.advance(TTL);
        assertThat(f.table.reapExpiredZombies()).isZero();
        assertThat(f.table.get(child)).isPresent();

        // The parent may still collect it, and that cancels the timer.
        assertThat(f.table.listProcesses().get(child).exitCode()).hasValue(8);
        f.table.checkInvariants();
    }

    @Test
    void rearmedZombieIsReapedOneTtlAfterItsParentDied() {
        // No pid 1 here, so orphans are reparented to 0 rather than to init.
        int grandparent = 10;
        int parent = 11;
        int child = 12;
        f.register(grandparent, ProcessContext.defaults(), new TestDriver());
        f.register(parent, ProcessContext.ofParent(grandparent), new TestDriver());
        f.register(child, ProcessContext.ofParent(parent), new TestDriver());
        f.table.markExited(child, 0);
        f.clock.advance(TTL);
        assertThat(f.table.reapExpiredZombies()).isZero(); // parent alive: re-armed until now + TTL

        f.table.markExited(parent, 0); // child is reparented to 0 (no init), its parent is gone
        assertThat(f.table.getppid(child)).isZero();
        f.clock.advance(TTL.minusMillis(1));
        assertThat(f.table.reapExpiredZombies()).isZero();

        f.clock.advance(Duration.ofMillis(1));

        // parent's own TTL ends now too, but parent has a living parent (grandparent): kept.
        assertThat(f.table.reapExpiredZombies()).isEqualTo(1);
        assertThat(f.table.get(child)).isEmpty();
        assertThat(f.table.get(parent)).isPresent();
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);
        f.table.checkInvariants();
    }

    @Test
    void zombieWhoseParentIsAZombieToo() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 0);
        f.table.markExited(parent, 0);

        f.clock.advance(TTL);

        assertThat(f.table.reapExpiredZombies()).isEqualTo(2);
        assertThat(f.table.listProcesses()).isEmpty();
    }

    @Test
    void zombieAdoptedByALivingInitIsKept() {
        int init = f.spawn(0);
        int parent = f.spawn(init);
        int child = f.spawn(parent);
        f.table.markExited(child, 0);
        f.table.markExited(parent, 0);

        f.clock.advance(TTL.multipliedBy(3));
        f.table.reapExpiredZombies();

        assertThat(f.table.get(child)).isPresent();
        assertThat(f.table.get(parent)).isPresent();
        assertThat(f.table.zombieTimerCount()).isEqualTo(2);
    }

    @Test
    void reapingByWaitpidCancelsTheZombieTimer() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 0);
        assertThat(f.table.zombieTimerCount()).isEqualTo(1);

        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG)).isPresent();

        assertThat(f.table.zombieTimerCount()).isZero();
        f.clock.advance(TTL.multipliedBy(2));
        assertThat(f.table.reapExpiredZombies()).isZero();
        f.table.checkInvariants();
    }

    @Test
    void reapingByAwaitExitCancelsTheZombieTimer() throws Exception {
        int pid = f.spawn(0);
        f.table.markExited(pid, 0);

        assertThat(f.table.awaitExit(pid, TableFixture.PATIENCE)).isPresent();

        assertThat(f.table.zombieTimerCount()).isZero();
    }

    @Test
    void closeCancelsEveryZombieTimerAndIsIdempotent() {
        int a = f.spawn(0);
        int b = f.spawn(0);
        f.table.markExited(a, 0);
        f.table.markExited(b, 0);
        assertThat(f.table.zombieTimerCount()).isEqualTo(2);

        f.table.close();
        assertThat(f.table.zombieTimerCount()).isZero();

        f.table.close();
        assertThat(f.table.zombieTimerCount()).isZero();
    }

    @Test
    void theSharedSchedulerReapsAnExpiredZombieOnItsOwn() throws Exception {
        try (ProcessTable table = ProcessTable.builder().zombieTtl(Duration.ofMillis(20)).build()) {
            int pid = table.allocatePid();
            table.register(pid, "d", "c", List.of(), ProcessContext.defaults(), new TestDriver());
            table.markExited(pid, 0);

            long deadline = System.nanoTime() + TableFixture.PATIENCE.toNanos();
            while (table.get(pid).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            assertThat(table.get(pid)).as("zombie reaped by the scheduler").isEmpty();
            assertThat(table.zombieTimerCount()).isZero();
            table.checkInvariants();
        }
    }
}
