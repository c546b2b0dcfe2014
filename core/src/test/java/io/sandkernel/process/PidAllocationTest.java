package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PidAllocationTest {
    private final List<TableFixture> fixtures = new ArrayList<>();

    private TableFixture fixture(int maxPid) {
        TableFixture fixture = new TableFixture(maxPid);
        fixtures.add(fixture);
        return fixture;
    }

    @AfterEach
    void closeTables() {
        fixtures.forEach(TableFixture::close);
    }

    @Test
    void pidsAreAllocatedInIncreasingOrderStartingAtOne() {
        TableFixture f = fixture(Integer.MAX_VALUE);

        assertThat(f.table.allocatePid()).isEqualTo(1);
        assertThat(f.table.allocatePid()).isEqualTo(2);
        assertThat(f.table.allocatePid()).isEqualTo(3);
    }

    @Test
    void everyConstructorStartsAtPidOne() throws Exception {
        try (ProcessTable plain = new ProcessTable();
             ProcessTable withTtl = new ProcessTable(Duration.ofSeconds(5));
             ProcessTable withMax = new ProcessTable(Duration.ofSeconds(5), 3)) {
            assertThat(plain.allocatePid()).isEqualTo(1);
            assertThat(withTtl.allocatePid()).isEqualTo(1);
            assertThat(withMax.allocatePid()).isEqualTo(1);
        }
    }

    @Test
    void registeredPidsAreNotHandedOutAgain() {
        TableFixture f = fixture(Integer.MAX_VALUE);
        int first = f.spawn(0);
        int second = f.spawn(0);

        assertThat(List.of(first, second)).containsExactly(1, 2);
        assertThat(f.table.allocatePid()).isEqualTo(3);
    }

    /** Port of the Rust test allocate_pid_wraps_without_reusing_live_or_zombie_processes. */
    @Test
    void allocationWrapsAroundWithoutReusingLiveOrZombiePids() {
        TableFixture f = fixture(Integer.MAX_VALUE);
        int max = Integer.MAX_VALUE;
        TestDriver zombieHigh = new TestDriver();
        f.register(max - 1, ProcessContext.defaults(), new TestDriver());
        f.register(max, ProcessContext.defaults(), zombieHigh);
        f.register(1, ProcessContext.defaults(), new TestDriver());
        zombieHigh.exit(0);
        assertThat(f.status(max)).isEqualTo(ProcessStatus.EXITED);

        f.table.setNextPid(max - 1);

        assertThat(f.table.allocatePid()).isEqualTo(2);
        assertThat(f.table.allocatePid()).isEqualTo(3);
    }

    @Test
    void smallPidSpaceWrapsToTheLowestFreePid() throws Exception {
        TableFixture f = fixture(5);
        for (int i = 1; i <= 5; i++) {
            assertThat(f.spawn(0)).isEqualTo(i);
        }
        f.table.markExited(2, 0);
        f.table.markExited(4, 0);
        assertThat(f.table.awaitExit(2, TableFixture.PATIENCE)).isPresent();
        assertThat(f.table.awaitExit(4, TableFixture.PATIENCE)).isPresent();

        assertThat(f.table.allocatePid()).isEqualTo(2);
        f.register(2, ProcessContext.defaults(), new TestDriver());
        assertThat(f.table.allocatePid()).isEqualTo(4);
    }

    @Test
    void allocationFailsWithEagainWhenEveryPidIsTaken() {
        TableFixture f = fixture(5);
        for (int i = 1; i <= 5; i++) {
            f.spawn(0);
        }

        assertErrno(f.table::allocatePid, Errno.EAGAIN);
    }

    @Test
    void zombiesKeepTheirPidUntilReaped() throws Exception {
        TableFixture f = fixture(5);
        for (int i = 1; i <= 5; i++) {
            f.spawn(0);
        }
        f.table.markExited(3, 9);

        assertErrno(f.table::allocatePid, Errno.EAGAIN);

        assertThat(f.table.awaitExit(3, TableFixture.PATIENCE)).contains(new WaitResult(3, 9, WaitEvent.EXITED));
        assertThat(f.table.allocatePid()).isEqualTo(3);
    }

    @Test
    void pidSpaceOfOneHoldsOnlyPidOne() {
        TableFixture f = fixture(1);
        assertThat(f.spawn(0)).isEqualTo(1);

        assertErrno(f.table::allocatePid, Errno.EAGAIN);
    }

    @Test
    void maxPidBelowOneIsRejectedWithEinval() {
        assertErrno(() -> ProcessTable.builder().maxPid(0).build(), Errno.EINVAL);
        assertErrno(() -> ProcessTable.builder().maxPid(-7).build(), Errno.EINVAL);
        assertErrno(() -> new ProcessTable(Duration.ofSeconds(1), 0), Errno.EINVAL);
        assertErrno(() -> new ProcessTable(Duration.ofSeconds(1), Integer.MIN_VALUE), Errno.EINVAL);
    }

    @Test
    void registeringAnExplicitPidMovesTheNextPidPastIt() {
        TableFixture f = fixture(Integer.MAX_VALUE);
        f.register(10, ProcessContext.defaults(), new TestDriver());

        assertThat(f.table.allocatePid()).isEqualTo(11);
    }

    @Test
    void registeringAPidBelowTheNextPidDoesNotMoveItBack() {
        TableFixture f = fixture(Integer.MAX_VALUE);
        f.table.allocatePid();
        f.table.allocatePid();
        f.table.allocatePid();

        f.register(2, ProcessContext.defaults(), new TestDriver());

        assertThat(f.table.allocatePid()).isEqualTo(4);
    }

    @Test
    void registeringTheHighestPidWrapsTheNextPidToOne() {
        TableFixture f = fixture(5);
        f.register(5, ProcessContext.defaults(), new TestDriver());

        assertThat(f.table.allocatePid()).isEqualTo(1);
    }
}
