package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * POSIX orphaned process groups, with Linux's rule for when they are hung up
 * ({@code kill_orphaned_pgrp} in kernel/exit.c): when a process exit makes a group orphaned (it
 * leaves no live member whose parent is a live process, other than init, in another group of the
 * same session, where there was one before) and the group has a stopped member, every member gets
 * SIGHUP then SIGCONT. Only the exiting process's own group and its children's groups can become
 * orphaned by an exit; a group that was orphaned already is not hung up again.
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

    /**
     * The reproduction, {@code sh -c 'sleep 30 & p=$!; kill -STOP $p; sleep 0.5; echo
     * still here'}: a shell without job control keeps its jobs in its own group, which is orphaned
     * from the start (the shell's parent is the host). A foreground child exiting there does not
     * make the group orphaned, so nobody is hung up; the Rust original killed the shell (129).
     */
    @Test
    void exitInsideAlreadyOrphanedGroupSendsNoHangup() {
        int sh = f.spawn(0);
        int background = f.spawn(sh);
        f.table.kill(background, Signals.SIGSTOP);
        assertThat(f.status(background)).isEqualTo(ProcessStatus.STOPPED);
        f.driver(sh).clearSignals(); // the SIGCHLD for the stop
        int foreground = f.spawn(sh);
        assertThat(f.entry(foreground).pgid()).isEqualTo(sh);

        f.table.markExited(foreground, 0);

        assertThat(f.driver(sh).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.driver(background).signals()).containsExactly(Signals.SIGSTOP);
        assertThat(f.status(sh)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.status(background)).isEqualTo(ProcessStatus.STOPPED);
        f.table.checkInvariants();
    }

    /** The job's group is orphaned by the shell's exit; a later exit inside it does not hang it up again. */
    @Test
    void exitInsideGroupOrphanedEarlierDoesNotHangItUpAgain() {
        int jobSibling = f.spawn(job);
        f.table.markExited(shell, 0); // orphans the job's group; nothing is stopped yet
        f.table.markStopped(jobChild, Signals.SIGTSTP);

        f.table.markExited(jobSibling, 0);
        f.table.markExited(job, 0);

        assertThat(f.driver(jobChild).signals()).isEmpty();
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.STOPPED);
        f.table.checkInvariants();
    }

    /**
     * A job-control shell puts a background job in group G1 and stops it, then runs a foreground
     * job in group G2 that exits. G1 keeps its parent, the shell, in another group of the
     * session, and G2's exit does not touch it: G1 is not hung up.
     */
    @Test
    void stoppedBackgroundGroupSurvivesExitOfForegroundSibling() {
        int background = f.spawn(shell);
        f.table.setpgid(background, 0);
        f.table.kill(-background, Signals.SIGSTOP);
        int foreground = f.spawn(shell);
        f.table.setpgid(foreground, 0);
        int foregroundChild = f.spawn(foreground);

        f.table.markExited(foregroundChild, 0);
        f.table.markExited(foreground, 0);

        assertThat(f.driver(background).signals()).containsExactly(Signals.SIGSTOP);
        assertThat(f.status(background)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.driver(shell).signalsAmong(Signals.SIGHUP, Signals.SIGCONT)).isEmpty();
        f.table.checkInvariants();
    }

    /** The spec's case: the parent's exit orphans its child's group, which has a stopped member. */
    @Test
    void parentExitOrphaningStoppedChildGroupSendsHupThenCont() throws Exception {
        int background = f.spawn(shell);
        f.table.setpgid(background, 0);
        f.table.kill(background, Signals.SIGSTOP);
        f.driver(background).clearSignals();

        f.table.markExited(shell, 0);

        assertThat(f.driver(background).signals()).containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        assertThat(f.status(background)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.table.getppid(background)).isEqualTo(init);
        f.table.checkInvariants();
    }

    /** A group with two members linking it to the session is orphaned by the exit of the second, not the first. */
    @Test
    void groupIsHungUpWhenItsLastLinkExitsNotBefore() {
        int secondLink = f.spawn(shell);
        f.table.setpgid(secondLink, job);
        f.table.markStopped(jobChild, Signals.SIGTSTP);

        f.table.markExited(job, 0);

        assertThat(f.driver(jobChild).signals()).isEmpty();
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.STOPPED);

        f.table.markExited(secondLink, 0);

        assertThat(f.driver(jobChild).signals()).containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        assertThat(f.status(jobChild)).isEqualTo(ProcessStatus.RUNNING);
        f.table.checkInvariants();
    }

    /**
     * A zombie links nothing: when the parent of a zombie in an already orphaned group exits, the
     * group does not become orphaned by it and is not hung up.
     */
    @Test
    void exitOfTheParentOfAZombieInAnOrphanedGroupSendsNoHangup() {
        int parent = f.spawn(shell);
        int zombie = f.spawn(parent);
        f.table.setpgid(zombie, 0);
        int grandchild = f.spawn(zombie);
        f.table.markExited(zombie, 0); // its group loses its only link: orphaned, nothing stopped
        f.table.markStopped(grandchild, Signals.SIGTSTP);

        f.table.markExited(parent, 0);

        assertThat(f.driver(grandchild).signals()).isEmpty();
        assertThat(f.status(grandchild)).isEqualTo(ProcessStatus.STOPPED);
        f.table.checkInvariants();
    }

    /**
     * setpgid and setsid of a parent change whether its children link their groups; the counts
     * the orphan check reads follow, as the invariant checker confirms after every step.
     */
    @Test
    void linkCountsFollowSetpgidAndSetsidOfParentAndChild() {
        int parent = f.spawn(shell);
        int child = f.spawn(parent);
        f.table.setpgid(child, 0);          // child links its group through parent
        f.table.checkInvariants();
        int grandchild = f.spawn(child);
        f.table.markStopped(grandchild, Signals.SIGTSTP);
        f.table.setpgid(parent, child);     // parent joins the child's group: parent is the link now
        f.table.checkInvariants();
        f.table.setpgid(parent, 0);         // back in a group of its own: child is a link again
        f.table.checkInvariants();
        int other = f.spawn(shell);
        f.table.setsid(other);              // a new session: no link, and none lost
        f.table.checkInvariants();

        f.table.markExited(parent, 0);      // the child's group loses its only link

        assertThat(f.driver(grandchild).signals()).containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        assertThat(f.driver(child).signalsAmong(Signals.SIGHUP, Signals.SIGCONT))
                .containsExactly(Signals.SIGHUP, Signals.SIGCONT);
        f.table.checkInvariants();
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
