package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StopAndContinueTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void markStoppedStopsTheProcessAndSignalsItsParent() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.table.markStopped(child, Signals.SIGTSTP);

        assertThat(f.status(child)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED))
                .contains(new WaitResult(child, Signals.SIGTSTP, WaitEvent.STOPPED));
    }

    @Test
    void markContinuedResumesTheProcessAndSignalsItsParent() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markStopped(child, Signals.SIGSTOP);

        f.table.markContinued(child);

        assertThat(f.status(child)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD, Signals.SIGCHLD);
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WCONTINUED))
                .contains(new WaitResult(child, Signals.SIGCONT, WaitEvent.CONTINUED));
    }

    @Test
    void stoppingAStoppedProcessOrContinuingARunningOneChangesNothing() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.table.markContinued(child);
        assertThat(f.driver(parent).signals()).isEmpty();

        f.table.markStopped(child, Signals.SIGSTOP);
        f.table.markStopped(child, Signals.SIGTSTP);

        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED, WaitOption.WCONTINUED))
                .contains(new WaitResult(child, Signals.SIGSTOP, WaitEvent.STOPPED));
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED, WaitOption.WCONTINUED))
                .isEmpty();
    }

    @Test
    void anExitedProcessCanNeitherStopNorContinue() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markExited(child, 0);

        f.table.markStopped(child, Signals.SIGSTOP);
        f.table.markContinued(child);

        assertThat(f.status(child)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.table.waitpid(parent, child, WaitOption.WNOHANG, WaitOption.WUNTRACED, WaitOption.WCONTINUED))
                .contains(new WaitResult(child, 0, WaitEvent.EXITED));
    }

    @Test
    void stopAndContinueDoNotSignalAStoppedParent() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.markStopped(parent, Signals.SIGSTOP);

        f.table.markStopped(child, Signals.SIGSTOP);
        f.table.markContinued(child);

        assertThat(f.driver(parent).signals()).isEmpty();
    }

    @Test
    void sigstopStopsARunningProcess() {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.table.kill(child, Signals.SIGSTOP);

        assertThat(f.status(child)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.driver(child).signals()).containsExactly(Signals.SIGSTOP);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
    }

    @Test
    void sigtstpStopsARunningProcessWithSigtstpAsTheStatus() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.table.kill(child, Signals.SIGTSTP);

        assertThat(f.status(child)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG, WaitOption.WUNTRACED))
                .contains(new WaitResult(child, Signals.SIGTSTP, WaitEvent.STOPPED));
    }

    @Test
    void sigcontResumesAStoppedProcess() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.kill(child, Signals.SIGSTOP);

        f.table.kill(child, Signals.SIGCONT);

        assertThat(f.status(child)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.driver(child).signals()).containsExactly(Signals.SIGSTOP, Signals.SIGCONT);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD, Signals.SIGCHLD);
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG, WaitOption.WCONTINUED))
                .contains(new WaitResult(child, Signals.SIGCONT, WaitEvent.CONTINUED));
    }

    @Test
    void sigcontToARunningProcessIsDeliveredButReportsNothing() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);

        f.table.kill(child, Signals.SIGCONT);

        assertThat(f.driver(child).signals()).containsExactly(Signals.SIGCONT);
        assertThat(f.driver(parent).signals()).isEmpty();
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG, WaitOption.WCONTINUED)).isEmpty();
    }

    @Test
    void sigstopToAStoppedProcessIsDeliveredButReportsNothingNew() throws Exception {
        int parent = f.spawn(0);
        int child = f.spawn(parent);
        f.table.kill(child, Signals.SIGSTOP);
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG, WaitOption.WUNTRACED)).isPresent();

        f.table.kill(child, Signals.SIGTSTP);

        assertThat(f.driver(child).signals()).containsExactly(Signals.SIGSTOP, Signals.SIGTSTP);
        assertThat(f.driver(parent).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.table.waitpid(parent, -1, WaitOption.WNOHANG, WaitOption.WUNTRACED)).isEmpty();
    }

    @Test
    void groupSigstopStopsEveryMemberAndGroupSigcontResumesThem() {
        int leader = f.spawn(0);
        int a = f.spawn(leader);
        int b = f.spawn(leader);
        f.table.setpgid(a, 0);
        f.table.setpgid(b, a);

        f.table.kill(-a, Signals.SIGSTOP);

        assertThat(f.status(a)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.status(b)).isEqualTo(ProcessStatus.STOPPED);
        assertThat(f.status(leader)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.driver(leader).signals()).containsExactly(Signals.SIGCHLD, Signals.SIGCHLD);

        f.table.kill(-a, Signals.SIGCONT);

        assertThat(f.status(a)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.status(b)).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.table.runningCount()).isEqualTo(3);
    }

    /** process_table.rs stops a process only for SIGSTOP and SIGTSTP (deliver_signals). */
    @Test
    void sigttinAndSigttouAreDeliveredWithoutStoppingTheProcess() {
        int pid = f.spawn(0);

        f.table.kill(pid, Signals.SIGTTIN);
        f.table.kill(pid, Signals.SIGTTOU);

        assertThat(f.driver(pid).signals()).containsExactly(Signals.SIGTTIN, Signals.SIGTTOU);
        assertThat(f.status(pid)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void sigkillDoesNotItselfMarkTheProcessExited() {
        int pid = f.spawn(0);

        f.table.kill(pid, Signals.SIGKILL);

        assertThat(f.driver(pid).signals()).containsExactly(Signals.SIGKILL);
        assertThat(f.status(pid)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void aDriverThatExitsOnSigkillEndsUpExited() {
        int pid = f.spawn(0, new TestDriver().exitingOn(Signals.SIGKILL));

        f.table.kill(pid, Signals.SIGKILL);

        assertThat(f.status(pid)).isEqualTo(ProcessStatus.EXITED);
        assertThat(f.entry(pid).exitCode()).hasValue(128 + Signals.SIGKILL);
    }
}
