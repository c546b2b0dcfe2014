package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** kill(2): to one process, to a process group, and the probe signal 0. */
@Timeout(30)
class KillTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void killDeliversTheSignalToTheProcessDriver() {
        int pid = f.spawn(0);

        f.table.kill(pid, Signals.SIGUSR1);
        f.table.kill(pid, Signals.SIGTERM);

        assertThat(f.driver(pid).signals()).containsExactly(Signals.SIGUSR1, Signals.SIGTERM);
        assertThat(f.status(pid)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void killOfANegativePidSignalsEveryMemberOfThatGroup() {
        int leader = f.spawn(0);
        int member = f.spawn(leader);
        int outsider = f.spawn(0);
        int otherGroupChild = f.spawn(leader);
        f.table.setpgid(otherGroupChild, 0);

        f.table.kill(-leader, Signals.SIGINT);

        assertThat(f.driver(leader).signals()).containsExactly(Signals.SIGINT);
        assertThat(f.driver(member).signals()).containsExactly(Signals.SIGINT);
        assertThat(f.driver(outsider).signals()).isEmpty();
        assertThat(f.driver(otherGroupChild).signals()).isEmpty();
    }

    @Test
    void signalZeroProbesWithoutDelivering() {
        int leader = f.spawn(0);
        int member = f.spawn(leader);

        f.table.kill(leader, 0);
        f.table.kill(-leader, 0);

        assertThat(f.driver(leader).signals()).isEmpty();
        assertThat(f.driver(member).signals()).isEmpty();
    }

    @Test
    void signalZeroReportsEsrchForAMissingProcessOrGroup() {
        f.spawn(0);

        assertErrno(() -> f.table.kill(50, 0), Errno.ESRCH);
        assertErrno(() -> f.table.kill(-50, 0), Errno.ESRCH);
    }

    @Test
    void signalZeroToAZombieSucceeds() {
        int pid = f.spawn(0);
        f.table.markExited(pid, 0);

        f.table.kill(pid, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -9, 65, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void outOfRangeSignalIsRejectedWithEinval(int signal) {
        int pid = f.spawn(0);

        assertErrno(() -> f.table.kill(pid, signal), Errno.EINVAL);
        assertErrno(() -> f.table.kill(-pid, signal), Errno.EINVAL);
        assertErrno(() -> f.table.kill(999, signal), Errno.EINVAL);
        assertThat(f.driver(pid).signals()).isEmpty();
    }

    @Test
    void everySignalFromOneTo64CanBeSent() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.SET_MASK, SignalSet.empty());

        for (int signal = 1; signal <= Signals.MAX_SIGNAL; signal++) {
            if (signal != Signals.SIGSTOP && signal != Signals.SIGTSTP && signal != Signals.SIGCONT) {
                f.table.kill(pid, signal);
            }
        }

        assertThat(f.driver(pid).signals()).hasSize(Signals.MAX_SIGNAL - 3).contains(1, 9, 64);
    }

    @Test
    void killOfAnUnknownPidFailsWithEsrch() {
        f.spawn(0);

        assertErrno(() -> f.table.kill(42, Signals.SIGTERM), Errno.ESRCH);
    }

    @Test
    void killOfAGroupWithNoMembersFailsWithEsrch() {
        int pid = f.spawn(0);
        int child = f.spawn(pid);
        f.table.setpgid(child, 0);
        f.table.setpgid(child, pid);

        assertErrno(() -> f.table.kill(-child, Signals.SIGTERM), Errno.ESRCH);
        assertErrno(() -> f.table.kill(-77, Signals.SIGTERM), Errno.ESRCH);
    }

    @Test
    void killingAZombieIsASuccessfulNoOp() {
        int parent = f.spawn(0);
        int zombie = f.spawn(parent);
        f.table.markExited(zombie, 3);
        f.driver(parent).clearSignals();

        f.table.kill(zombie, Signals.SIGKILL);
        f.table.kill(zombie, Signals.SIGSTOP);

        assertThat(f.driver(zombie).signals()).isEmpty();
        assertThat(f.status(zombie)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.entry(zombie).exitCode()).hasValue(3);
        assertThat(f.driver(parent).signals()).isEmpty();
    }

    @Test
    void blockedSignalBecomesPendingAndIsNotDelivered() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGTERM));

        f.table.kill(pid, Signals.SIGTERM);
        f.table.kill(pid, Signals.SIGTERM);

        assertThat(f.driver(pid).signals()).isEmpty();
        assertThat(f.table.sigpending(pid)).isEqualTo(SignalSet.of(Signals.SIGTERM));
    }

    @Test
    void blockedSigtstpDoesNotStopTheProcessUntilUnblocked() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.sigprocmask(child, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGTSTP));

        f.table.kill(child, Signals.SIGTSTP);
        assertThat(f.status(child)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.table.sigpending(child)).isEqualTo(SignalSet.of(Signals.SIGTSTP));

        f.table.sigprocmask(child, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGTSTP));

        assertThat(f.driver(child).signals()).containsExactly(Signals.SIGTSTP);
        assertThat(f.status(child)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED))
                .contains(new WaitResult(child, Signals.SIGTSTP, WaitEvent.STOPPED));
    }

    @ParameterizedTest
    @ValueSource(ints = {Signals.SIGKILL, Signals.SIGSTOP, Signals.SIGCONT})
    void sigkillSigstopAndSigcontAreDeliveredEvenWhenInTheMask(int signal) {
        int pid = f.spawn(0);
        SignalSet everything = SignalSet.empty();
        for (int s = 1; s <= Signals.MAX_SIGNAL; s++) {
            everything = everything.with(s);
        }
        f.table.sigprocmask(pid, SigmaskHow.SET_MASK, everything);

        f.table.kill(pid, signal);

        assertThat(f.driver(pid).signals()).containsExactly(signal);
        assertThat(f.table.sigpending(pid).contains(signal)).isFalse();
    }

    @Test
    void sigstopAndSigcontWorkOnAProcessThatBlocksThem() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGSTOP, Signals.SIGCONT));

        f.table.kill(pid, Signals.SIGSTOP);
        assertThat(f.status(pid)).isEqualTo(ProcessStatus.STOPPED);

        f.table.kill(pid, Signals.SIGCONT);
        assertThat(f.status(pid)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.table.sigpending(pid)).isEqualTo(SignalSet.empty());
    }

    @Test
    void groupKillSkipsDeliveryToMembersThatBlockTheSignal() {
        int leader = f.spawn(0);
        int blocking = f.spawn(leader);
        int open = f.spawn(leader);
        f.table.sigprocmask(blocking, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGUSR2));

        f.table.kill(-leader, Signals.SIGUSR2);

        assertThat(f.driver(leader).signals()).containsExactly(Signals.SIGUSR2);
        assertThat(f.driver(open).signals()).containsExactly(Signals.SIGUSR2);
        assertThat(f.driver(blocking).signals()).isEmpty();
        assertThat(f.table.sigpending(blocking)).isEqualTo(SignalSet.of(Signals.SIGUSR2));
    }

    /**
     * process_table.rs collects group members from a BTreeMap, so they are signalled, and their
     * stops and continues recorded, in ascending pid order, whatever order they joined in. Here
     * the child has the lower pid but joined the group after its parent.
     */
    @Test
    void groupMembersAreSignalledInAscendingPidOrder() {
        f.register(3, ProcessContext.defaults(), new TestDriver());
        f.register(2, ProcessContext.ofParent(3), new TestDriver());
        List<Integer> order = new CopyOnWriteArrayList<>();
        f.driver(2).onKill(signal -> order.add(2));
        f.driver(3).onKill(signal -> order.add(3));

        f.table.kill(-3, Signals.SIGUSR1);

        assertThat(order).containsExactly(2, 3);
    }

    /**
     * The order is observable: the lower-pid child's stop is recorded first, while its parent
     * still runs, so the parent gets SIGCHLD for it (process_table.rs, deliver_signals and
     * mark_wait_event_inner).
     */
    @Test
    void aParentStoppedInTheSameGroupKillAsItsLowerPidChildGetsSigchld() {
        f.register(3, ProcessContext.defaults(), new TestDriver());
        f.register(2, ProcessContext.ofParent(3), new TestDriver());

        f.table.kill(-3, Signals.SIGSTOP);

        assertThat(f.status(2)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.status(3)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.driver(3).signals()).containsExactly(Signals.SIGSTOP, Signals.SIGCHLD);
    }

    @Test
    void killOfAGroupWhoseOnlyMemberIsAZombieDeliversNothingToLivingProcesses() {
        int leader = f.spawn(0);
        int bystander = f.spawn(0);
        f.table.markExited(leader, 0);

        f.table.kill(-leader, 0);
        f.table.kill(-leader, Signals.SIGTERM);

        assertThat(f.driver(bystander).signals()).isEmpty();
        assertThat(f.table.hasProcessGroup(leader)).isFalse();
    }
}
