package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sandkernel.user.ProcessIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RegistrationTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void rootProcessLeadsItsOwnGroupAndSession() {
        int pid = f.spawn(0);

        ProcessEntry entry = f.entry(pid);
        assertThat(entry.ppid()).isZero();
        assertThat(entry.pgid()).isEqualTo(pid);
        assertThat(entry.sid()).isEqualTo(pid);
        assertThat(entry.status()).isEqualTo(ProcessStatus.RUNNING);
        assertThat(entry.exitCode()).isEmpty();
        assertThat(entry.exitTimeMillis()).isEmpty();
    }

    @Test
    void processWhoseParentIsUnknownLeadsItsOwnGroupAndSession() {
        int pid = f.spawn(ProcessContext.ofParent(42));

        ProcessEntry entry = f.entry(pid);
        assertThat(entry.ppid()).isEqualTo(42);
        assertThat(entry.pgid()).isEqualTo(pid);
        assertThat(entry.sid()).isEqualTo(pid);
    }

    @Test
    void childInheritsItsParentsGroupAndSession() {
        int session = f.spawn(0);
        int leader = f.spawn(session);
        f.table.setpgid(leader, 0);

        int child = f.spawn(leader);

        ProcessEntry entry = f.entry(child);
        assertThat(entry.ppid()).isEqualTo(leader);
        assertThat(entry.pgid()).isEqualTo(leader);
        assertThat(entry.sid()).isEqualTo(session);
    }

    @Test
    void registerReturnsTheEntryBuiltFromTheContext() {
        ProcessIdentity identity = new ProcessIdentity(5, 6, 7, 8, List.of(6, 9));
        ProcessContext context = ProcessContext.defaults()
                .withEnv(Map.of("HOME", "/home/u", "PATH", "/bin"))
                .withCwd("/tmp")
                .withUmask(0027)
                .withIdentity(identity);
        int pid = f.table.allocatePid();

        ProcessEntry entry = f.table.register(pid, "jshell", "echo", List.of("a", "b"), context, new TestDriver());

        assertThat(entry.pid()).isEqualTo(pid);
        assertThat(entry.driver()).isEqualTo("jshell");
        assertThat(entry.command()).isEqualTo("echo");
        assertThat(entry.args()).containsExactly("a", "b");
        assertThat(entry.env()).containsExactlyInAnyOrderEntriesOf(Map.of("HOME", "/home/u", "PATH", "/bin"));
        assertThat(entry.cwd()).isEqualTo("/tmp");
        assertThat(entry.umask()).isEqualTo(0027);
        assertThat(entry.identity()).isEqualTo(identity);
        assertThat(entry.status()).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.table.get(pid)).contains(entry);
    }

    @Test
    void umaskIsMaskedToItsNineLowBits() {
        int pid = f.spawn(ProcessContext.defaults().withUmask(07777));
        int other = f.spawn(ProcessContext.defaults().withUmask(01022));

        assertThat(f.entry(pid).umask()).isEqualTo(0777);
        assertThat(f.table.getUmask(pid)).isEqualTo(0777);
        assertThat(f.table.getUmask(other)).isEqualTo(0022);
    }

    @Test
    void defaultUmaskIs022() {
        int pid = f.spawn(0);

        assertThat(f.table.getUmask(pid)).isEqualTo(0022);
    }

    @Test
    void registerInstallsAnExitHookOnTheDriver() {
        TestDriver driver = new TestDriver();
        f.spawn(0, driver);

        assertThat(driver.exitHook()).isNotNull();
    }

    @Test
    void initialSignalMaskAndPendingSignalsComeFromTheContext() {
        SignalSet blocked = SignalSet.of(Signals.SIGUSR1, Signals.SIGTERM);
        SignalSet pending = SignalSet.of(Signals.SIGUSR1);
        TestDriver driver = new TestDriver();
        int pid = f.spawn(ProcessContext.defaults().withBlockedSignals(blocked).withPendingSignals(pending), driver);

        assertThat(f.table.sigpending(pid)).isEqualTo(pending);
        assertThat(f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.empty())).isEqualTo(blocked);
        assertThat(driver.signals()).isEmpty();

        f.table.sigprocmask(pid, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGUSR1));

        assertThat(driver.signals()).containsExactly(Signals.SIGUSR1);
        assertThat(f.table.sigpending(pid)).isEqualTo(SignalSet.empty());
    }

    @Test
    void aChildRegisteredBeforeItsParentBecomesThatParentsChild() throws Exception {
        f.register(5, ProcessContext.ofParent(7), new TestDriver());
        assertThat(f.entry(5).ppid()).isEqualTo(7);
        assertThat(f.entry(5).pgid()).isEqualTo(5);

        f.register(7, ProcessContext.defaults(), new TestDriver());
        f.table.markExited(5, 3);

        assertThat(f.driver(7).signals()).containsExactly(Signals.SIGCHLD);
        assertThat(f.table.waitpid(7, -1, WaitOption.WNOHANG)).contains(new WaitResult(5, 3, WaitEvent.EXITED));
        f.table.checkInvariants();
    }

    @Test
    void aProcessNamingItselfAsParentIsRefusedOrKeptConsistent() {
        int pid = 7;
        f.register(5, ProcessContext.ofParent(pid), new TestDriver()); // waits for a parent 7

        Throwable failure = catchThrowable(() -> f.register(pid, ProcessContext.ofParent(pid), new TestDriver()));

        if (failure != null) {
            assertThat(failure).isInstanceOfSatisfying(io.sandkernel.KernelException.class,
                    e -> assertThat(e.errno()).isEqualTo(io.sandkernel.Errno.EINVAL));
            assertThat(f.table.get(pid)).isEmpty();
        } else {
            assertThat(f.entry(pid).pgid()).isEqualTo(pid);
            assertThat(f.entry(pid).sid()).isEqualTo(pid);
        }
        f.table.checkInvariants();
        assertThat(f.table.getppid(5)).isEqualTo(pid);
    }

    @Test
    void getReturnsEmptyForAnUnknownPid() {
        f.spawn(0);

        assertThat(f.table.get(2)).isEmpty();
        assertThat(f.table.get(0)).isEmpty();
    }

    @Test
    void returnedEntryIsAnImmutableSnapshot() {
        List<String> args = new ArrayList<>(List.of("x"));
        Map<String, String> env = new HashMap<>(Map.of("K", "V"));
        int pid = f.table.allocatePid();
        ProcessEntry entry = f.table.register(pid, "d", "c", args, ProcessContext.defaults().withEnv(env), new TestDriver());

        args.add("added later");
        env.put("K2", "V2");
        catchThrowable(() -> entry.args().add("y"));
        catchThrowable(() -> entry.env().put("Z", "z"));
        ProcessEntry fetched = f.entry(pid);
        catchThrowable(() -> fetched.args().clear());
        catchThrowable(() -> fetched.env().clear());
        f.table.markExited(pid, 3);

        assertThat(entry.status()).isEqualTo(ProcessStatus.RUNNING);
        assertThat(f.entry(pid).args()).containsExactly("x");
        assertThat(f.entry(pid).env()).containsExactlyEntriesOf(Map.of("K", "V"));
        assertThat(f.entry(pid).status()).isEqualTo(ProcessStatus.EXITED);
    }

    @Test
    void returnedCollectionsRejectMutation() {
        int pid = f.spawn(0);
        ProcessEntry entry = f.entry(pid);
        SortedMap<Integer, ProcessInfo> processes = f.table.listProcesses();

        assertThat(catchThrowable(() -> entry.args().add("y"))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> entry.env().put("a", "b"))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> processes.remove(pid))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> processes.put(99, processes.get(pid)))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> processes.clear())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(f.table.listProcesses()).containsOnlyKeys(pid);
    }

    @Test
    void listProcessesIsASnapshotSortedByPid() {
        f.register(9, ProcessContext.defaults(), new TestDriver());
        f.register(3, ProcessContext.defaults(), new TestDriver());
        f.register(5, ProcessContext.ofParent(3), new TestDriver());

        SortedMap<Integer, ProcessInfo> before = f.table.listProcesses();
        f.table.markExited(5, 1);
        f.table.kill(9, Signals.SIGSTOP);

        assertThat(before.keySet()).containsExactly(3, 5, 9);
        assertThat(before.firstKey()).isEqualTo(3);
        assertThat(before.lastKey()).isEqualTo(9);
        assertThat(before.values()).extracting(ProcessInfo::status).containsOnly(ProcessStatus.RUNNING);
        assertThat(before.get(5).ppid()).isEqualTo(3);
        assertThat(before.get(5).pgid()).isEqualTo(3);
        assertThat(before.get(5).command()).isEqualTo("cmd5");
        assertThat(before.get(5).driver()).isEqualTo("test");
        assertThat(before.get(5).identity()).isEqualTo(ProcessIdentity.defaults());

        SortedMap<Integer, ProcessInfo> after = f.table.listProcesses();
        assertThat(after.keySet()).containsExactly(3, 5, 9);
        assertThat(after.get(5).status()).isEqualTo(ProcessStatus.EXITED);
        assertThat(after.get(5).exitCode()).hasValue(1);
        assertThat(after.get(9).status()).isEqualTo(ProcessStatus.STOPPED);
    }

    @Test
    void runningCountCountsOnlyRunningProcesses() {
        int running = f.spawn(0);
        int stopped = f.spawn(0);
        int exited = f.spawn(0);
        assertThat(f.table.runningCount()).isEqualTo(3);

        f.table.markStopped(stopped, Signals.SIGSTOP);
        f.table.markExited(exited, 0);

        assertThat(f.table.runningCount()).isEqualTo(1);
        assertThat(f.status(running)).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void emptyTableListsNothing() {
        assertThat(f.table.listProcesses()).isEmpty();
        assertThat(f.table.runningCount()).isZero();
        assertThat(f.table.zombieTimerCount()).isZero();
        f.table.checkInvariants();
    }
}
