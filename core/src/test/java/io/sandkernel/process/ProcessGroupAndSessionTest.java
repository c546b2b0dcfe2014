package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** setpgid, setsid and the per-process getters. */
@Timeout(30)
class ProcessGroupAndSessionTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void setpgidWithZeroMakesTheProcessLeadANewGroup() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.table.setpgid(child, 0);

        assertThat(f.table.getpgid(child)).isEqualTo(child);
        assertThat(f.table.getsid(child)).isEqualTo(parent);
        assertThat(f.table.hasProcessGroup(child)).isTrue();
        f.table.checkInvariants();
    }

    @Test
    void setpgidWithItsOwnPidIsTheSameAsZero() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.table.setpgid(child, child);

        assertThat(f.table.getpgid(child)).isEqualTo(child);
    }

    @Test
    void setpgidJoinsAnExistingGroupOfTheSameSession() {
        int session = f.spawn(0);
        int leader = f.spawn(session);
        f.table.setpgid(leader, 0);
        int other = f.spawn(session);

        f.table.setpgid(other, leader);

        assertThat(f.table.getpgid(other)).isEqualTo(leader);
        f.table.kill(-leader, Signals.SIGUSR1);
        assertThat(f.driver(other).signals()).containsExactly(Signals.SIGUSR1);
        assertThat(f.driver(session).signals()).isEmpty();
        f.table.checkInvariants();
    }

    @Test
    void setpgidCanMoveAProcessBackIntoItsParentsGroup() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.setpgid(child, 0);

        f.table.setpgid(child, parent);

        assertThat(f.table.getpgid(child)).isEqualTo(parent);
        assertThat(f.table.hasProcessGroup(child)).isFalse();
    }

    @Test
    void setpgidIntoAGroupOfAnotherSessionFailsWithEperm() {
        int sessionA = f.spawn(0);
        int sessionB = f.spawn(0);
        int child = f.spawn(sessionA);

        assertErrno(() -> f.table.setpgid(child, sessionB), Errno.EPERM);
        assertThat(f.table.getpgid(child)).isEqualTo(sessionA);
    }

    @Test
    void setpgidIntoANonexistentGroupFailsWithEperm() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        assertErrno(() -> f.table.setpgid(child, 500), Errno.EPERM);
        assertThat(f.table.getpgid(child)).isEqualTo(parent);
    }

    @Test
    void setpgidIntoAGroupWhoseMembersAllExitedFailsWithEperm() {
        int session = f.spawn(0);
        int gone = f.spawn(session);
        f.table.setpgid(gone, 0);
        f.table.markExited(gone, 0);
        int child = f.spawn(session);

        assertErrno(() -> f.table.setpgid(child, gone), Errno.EPERM);
    }

    @Test
    void setpgidOfAnUnknownPidFailsWithEsrch() {
        f.spawn(0);

        assertErrno(() -> f.table.setpgid(31, 0), Errno.ESRCH);
        assertErrno(() -> f.table.setpgid(31, 1), Errno.ESRCH);
    }

    @Test
    void setsidOfAGroupLeaderFailsWithEperm() {
        int leader = f.spawn(0);
        int child = f.spawn(leader);
        f.table.setpgid(child, 0);

        assertErrno(() -> f.table.setsid(leader), Errno.EPERM);
        assertErrno(() -> f.table.setsid(child), Errno.EPERM);
        assertThat(f.table.getsid(child)).isEqualTo(leader);
    }

    @Test
    void setsidStartsANewSessionAndGroupLedByTheProcess() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        int sid = f.table.setsid(child);

        assertThat(sid).isEqualTo(child);
        assertThat(f.table.getsid(child)).isEqualTo(child);
        assertThat(f.table.getpgid(child)).isEqualTo(child);
        assertThat(f.table.getppid(child)).isEqualTo(parent);
        assertThat(f.entry(child).sid()).isEqualTo(child);
        f.table.checkInvariants();
    }

    @Test
    void childrenOfANewSessionLeaderJoinItsSession() {
        int parent = f.spawn(0);
        int leader = f.spawn(parent);
        f.table.setsid(leader);

        int child = f.spawn(leader);

        assertThat(f.table.getsid(child)).isEqualTo(leader);
        assertThat(f.table.getpgid(child)).isEqualTo(leader);
    }

    @Test
    void aNewSessionCannotJoinAGroupOfItsOldSession() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.setsid(child);

        assertErrno(() -> f.table.setpgid(child, parent), Errno.EPERM);
    }

    @Test
    void gettersOfAnUnknownPidFailWithEsrch() {
        f.spawn(0);

        assertErrno(() -> f.table.getpgid(8), Errno.ESRCH);
        assertErrno(() -> f.table.getsid(8), Errno.ESRCH);
        assertErrno(() -> f.table.getppid(8), Errno.ESRCH);
        assertErrno(() -> f.table.getUmask(8), Errno.ESRCH);
        assertErrno(() -> f.table.setUmask(8, 0), Errno.ESRCH);
        assertErrno(() -> f.table.setsid(8), Errno.ESRCH);
    }

    @Test
    void gettersWorkOnZombies() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 0);

        assertThat(f.table.getppid(child)).isEqualTo(parent);
        assertThat(f.table.getpgid(child)).isEqualTo(parent);
        assertThat(f.table.getsid(child)).isEqualTo(parent);
        assertThat(f.table.getUmask(child)).isEqualTo(0022);
    }

    @Test
    void setUmaskReturnsThePreviousUmaskAndKeepsNineBits() {
        int pid = f.spawn(0);

        assertThat(f.table.setUmask(pid, 0077)).isEqualTo(0022);
        assertThat(f.table.getUmask(pid)).isEqualTo(0077);
        assertThat(f.table.setUmask(pid, 017777)).isEqualTo(0077);
        assertThat(f.table.getUmask(pid)).isEqualTo(0777);
        assertThat(f.entry(pid).umask()).isEqualTo(0777);
        assertThat(f.table.setUmask(pid, 0)).isEqualTo(0777);
        assertThat(f.table.getUmask(pid)).isZero();
    }

    @Test
    void umaskComesFromTheContextNotFromTheParent() {
        int parent = f.spawn(0);
        f.table.setUmask(parent, 0077);

        int child = f.spawn(parent);

        assertThat(f.table.getUmask(child)).isEqualTo(0022);
    }

    @Test
    void hasProcessGroupIgnoresExitedMembers() {
        int leader = f.spawn(0);
        int member = f.spawn(leader);
        assertThat(f.table.hasProcessGroup(leader)).isTrue();

        f.table.markExited(leader, 0);
        assertThat(f.table.hasProcessGroup(leader)).isTrue();

        f.table.markStopped(member, Signals.SIGSTOP);
        assertThat(f.table.hasProcessGroup(leader)).isTrue();

        f.table.markExited(member, 0);
        assertThat(f.table.hasProcessGroup(leader)).isFalse();
        assertThat(f.table.hasProcessGroup(12345)).isFalse();
    }
}
