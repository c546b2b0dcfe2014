package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * POSIX orphaned process groups: when a process exit leaves a group with no member whose parent
 * is in another group of the same session, and the group has a stopped member, every member gets
 * SIGHUP then SIGCONT.
 */
@Timeout(30)
class OrphanedProcessGroupTest {
    private final TableFixture f = new TableFixture();
    private int init;
    private int shell;
    private int job;
    private int jobChild;

    /** init(1) -> shell (own session) -> job (own group) -> jobChild (job's group). */
    @BeforeEach
    void buildSession() {
        init = f.spawn(0);
        shell = f.spawn(init);
        assertThat(f.table.setsid(shell)).isEqualTo(shell);
        job = f.spawn(shell);
        f.table.setpgid(job, 0);
        jobChild = f.spawn(job);
        assertThat(f.entry(jobChild).pgid()).isEqualTo(job);
        assertThat(f.entry(jobChild).sid()).isEqualTo(shell);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void orphanedGroupWithAStoppedMemberGetsSighupThenSigcont() throws Exception {
        f.table.markStopped(jobChild, Signals.SIGTSTP);

        f.table.markExited(shell, 0);

        assertThat(f.table.getppid(job)).isEqualTo(init);
        assertThat(f.driver(jobChild).signals()).containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        assertThat(f.driver(job).signalsAmong(Signals.SIGHUP, Signals.SIGCONT))
                .containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.status(job)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.table.waitpid(job, jobChild, WaitOption.WNOHANG, WaitOption.WCONTINUED))
                .contains(new WaitResult(jobChild, Signals.SIGCONT, WaitEvent.CONTINUED));
        assertThat(f.driver(init).signalsAmong(Signals.SIGHUP, Signals.SIGCONT)).isEmpty();
    }

    @Test
    void everyStoppedMemberOfTheOrphanedGroupIsContinued() {
        f.table.kill(-job, Signals.SIGSTOP);
        assertThat(f.status(job)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.STOPPED);
        f.driver(job).clearSignals();
        f.driver(jobChild).clearSignals();

        f.table.markExited(shell, 0);

        assertThat(f.driver(job).signalsAmong(Signals.SIGHUP, Signals.SIGCONT))
                .containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        assertThat(f.driver(jobChild).signals()).containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        assertThat(f.status(job)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void orphanedGroupWithoutStoppedMembersGetsNothing() {
        f.table.markExited(shell, 0);

        assertThat(f.driver(job).signals()).isEmpty();
        assertThat(f.driver(jobChild).signals()).isEmpty();
    }

    @Test
    void groupThatKeepsAParentInAnotherGroupOfTheSessionIsNotOrphaned() {
        // A second child of the shell stays in the shell's group and parents a member of the job's group.
        int sibling = f.spawn(shell);
        int siblingChild = f.spawn(sibling);
        f.table.setpgid(siblingChild, job);
        f.table.markStopped(jobChild, Signals.SIGTSTP);

        f.table.markExited(shell, 0);

        assertThat(f.driver(job).signalsAmong(Signals.SIGHUP, Signals.SIGCONT)).isEmpty();
        assertThat(f.driver(jobChild).signals()).isEmpty();
        assertThat(f.driver(siblingChild).signals()).isEmpty();
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.STOPPED);
    }

    @Test
    void stoppedGroupWhoseParentGroupLivesIsLeftAloneWhenAnUnrelatedProcessExits() {
        f.table.markStopped(jobChild, Signals.SIGTSTP);
        int unrelated = f.spawn(shell);

        f.table.markExited(unrelated, 0);

        assertThat(f.driver(jobChild).signals()).isEmpty();
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.STOPPED);
    }

    @Test
    void exitOfTheLastLinkingMemberOrphansItsOwnGroup() {
        // The job leader is the only member with a parent (the shell) outside the group; when it
        // exits its child is reparented to init and the group, with a stopped member, is orphaned.
        f.table.markStopped(jobChild, Signals.SIGTSTP);

        f.table.markExited(job, 0);

        assertThat(f.table.getppid(jobChild)).isEqualTo(init);
        assertThat(f.driver(jobChild).signals()).containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.RUNNING);
    }

    /**
     * process_table.rs walks the groups an exit affects in ascending pgid order (a BTreeSet) and
     * their members in ascending pid order. Here the exiting process's own group (20) is numbered
     * above its child's group (15).
     */
    @Test
    void orphanedGroupsAreSignalledInAscendingPgidOrder() {
        try (TableFixture g = new TableFixture()) {
            List<Integer> hangups = new CopyOnWriteArrayList<>();
            g.register(10, ProcessContext.defaults(), new TestDriver());              // session leader
            g.register(20, ProcessContext.ofParent(10), new TestDriver());
            g.table.setpgid(20, 0);                                                   // group 20
            g.register(21, ProcessContext.ofParent(20), recordingHangups(hangups, 21)); // group 20
            g.register(15, ProcessContext.ofParent(20), recordingHangups(hangups, 15));
            g.table.setpgid(15, 0);                                                   // group 15
            g.table.markStopped(21, Signals.SIGTSTP);
            g.table.markStopped(15, Signals.SIGTSTP);

            g.table.markExited(20, 0);

            assertThat(hangups).containsExactly(15, 21);
            assertThat(g.status(15)).isEqualTo(ProcessStatus.RUNNING);
            assertThat(g.status(21)).isEqualTo(ProcessStatus.RUNNING);
        }
    }

    /** Within an orphaned group the members are signalled in ascending pid order. */
    @Test
    void membersOfAnOrphanedGroupAreSignalledInAscendingPidOrder() {
        try (TableFixture g = new TableFixture()) {
            List<Integer> hangups = new CopyOnWriteArrayList<>();
            g.register(10, ProcessContext.defaults(), new TestDriver());
            g.register(20, ProcessContext.ofParent(10), new TestDriver());
            g.table.setpgid(20, 0);
            g.register(21, ProcessContext.ofParent(20), recordingHangups(hangups, 21));
            g.register(16, ProcessContext.ofParent(20), recordingHangups(hangups, 16)); // joins group 20 last
            g.table.markStopped(21, Signals.SIGTSTP);

            g.table.markExited(20, 0);

            assertThat(hangups).containsExactly(16, 21);
        }
    }

    private static TestDriver recordingHangups(List<Integer> log, int pid) {
        return new TestDriver().onKill(signal -> {
            if (signal == Signals.SIGHUP) {
                log.add(pid);
            }
        });
    }

    @Test
    void blockedSighupStaysPendingWhileSigcontStillResumes() {
        f.table.sigprocmask(jobChild, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGHUP));
        f.table.markStopped(jobChild, Signals.SIGTSTP);

        f.table.markExited(shell, 0);

        assertThat(f.driver(jobChild).signals()).containsExactly(Signals.SIGCONT);
        assertThat(f.table.sigpending(jobChild)).isEqualTo(SignalSet.of(Signals.SIGHUP));
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.RUNNING);
    }
}
