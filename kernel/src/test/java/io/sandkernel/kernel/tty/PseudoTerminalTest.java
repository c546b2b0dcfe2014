package io.sandkernel.kernel.tty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.kernel.fd.FdTable;
import io.sandkernel.kernel.fd.Poller;
import io.sandkernel.kernel.fd.TerminalDescription;
import io.sandkernel.kernel.fd.WaitQueue;
import io.sandkernel.process.Signals;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The terminal against a fake process table: session 10 with groups 10 (shell) and 20 (job). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PseudoTerminalTest {
    /** pid -> {pgid, sid} */
    private final Map<Integer, int[]> processes = Map.of(10, new int[] {10, 10}, 20, new int[] {20, 10},
            21, new int[] {20, 10}, 99, new int[] {99, 99});
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final PseudoTerminal terminal = new PseudoTerminal(TerminalSize.defaults(), new PseudoTerminal.Control() {
        @Override
        public void signalGroup(int pgid, int signal) {
            sent.add(Signals.name(signal) + "->" + pgid);
        }

        @Override
        public int pgidOf(int pid) {
            return processes.containsKey(pid) ? processes.get(pid)[0] : -1;
        }

        @Override
        public int sidOf(int pid) {
            return processes.containsKey(pid) ? processes.get(pid)[1] : -1;
        }

        @Override
        public boolean groupInSession(int pgid, int sid) {
            return processes.values().stream().anyMatch(p -> p[0] == pgid && p[1] == sid);
        }

        @Override
        public List<Integer> groupsOfSession(int sid) {
            return processes.values().stream().filter(p -> p[1] == sid).map(p -> p[0]).distinct().sorted().toList();
        }
    });

    {
        terminal.attach(10);
        terminal.slaveOpened();
    }

    private String read(int pid) throws Exception {
        byte[] buffer = new byte[100];
        int n = terminal.read(pid, buffer, 0, buffer.length);
        return n < 0 ? "<EOF>" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    private String screen() throws Exception {
        byte[] buffer = new byte[1000];
        int n = terminal.output().available() == 0 ? 0 : terminal.output().read(buffer);
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void foregroundReaderGetsTypedLinesAndTheScreenShowsTheEcho() throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return read(10);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(terminal.awaitLineReader(10, java.time.Duration.ofSeconds(5))).isTrue();
        terminal.type("echo hi\r");
        assertThat(line.get(5, TimeUnit.SECONDS)).isEqualTo("echo hi\n");
        assertThat(screen()).isEqualTo("echo hi\r\n");
    }

    @Test
    void aProcessPollingForInputCountsAsAwaitingALine() throws Exception {
        FdTable table = new FdTable(8);
        int fd = table.install(new TerminalDescription(terminal, 0, new WaitQueue(), OpenFlags.O_RDWR, 0, 0), false);
        // a shell at its prompt waits in poll(2), not read(2): a host line editor must see it as reading
        CompletableFuture<int[]> polled = CompletableFuture.supplyAsync(
                () -> Poller.poll(table, 10, List.of(new PollFd(fd, PollFd.POLLIN)), java.time.Duration.ofSeconds(1)));
        assertThat(terminal.awaitLineReader(10, java.time.Duration.ofSeconds(5))).isTrue();
        terminal.type("echo hi\r");
        assertThat(polled.get(5, TimeUnit.SECONDS)).containsExactly(PollFd.POLLIN);
        assertThat(terminal.waitingReaders()).doesNotContain(10);
    }

    @Test
    void writesGetCrLf() throws Exception {
        terminal.write(20, "a\nb\n".getBytes(), 0, 4);
        assertThat(screen()).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void controlCAndControlZSignalTheForegroundGroup() {
        terminal.setForegroundGroup(20);
        terminal.type("\u0003");
        terminal.type("\u001a");
        terminal.type("\u001c");
        assertThat(sent).containsExactly("SIGINT->20", "SIGTSTP->20", "SIGQUIT->20");
    }

    @Test
    void resizeSendsSigwinchToTheForegroundGroupOnlyWhenTheSizeChanges() {
        terminal.setForegroundGroup(20);
        terminal.resize(new TerminalSize(80, 24));
        terminal.resize(new TerminalSize(120, 40));
        assertThat(sent).containsExactly("SIGWINCH->20");
        assertThat(terminal.size()).isEqualTo(new TerminalSize(120, 40));
    }

    @Test
    void backgroundReaderOfTheSessionGetsSigttin() {
        terminal.setForegroundGroup(10);
        terminal.type("for the shell\n");
        assertThatThrownBy(() -> read(21)).isInstanceOf(InterruptedIOException.class);
        assertThat(sent).containsExactly("SIGTTIN->20");
    }

    @Test
    void processOutsideTheSessionReadsWithoutJobControl() throws Exception {
        terminal.type("x\n");
        assertThat(read(99)).isEqualTo("x\n");
    }

    @Test
    void tcsetpgrpChecksSessionAndGroup() {
        terminal.tcsetpgrp(10, 20);
        assertThat(terminal.tcgetpgrp(20)).isEqualTo(20);
        assertThatThrownBy(() -> terminal.tcsetpgrp(10, 99)).isInstanceOf(KernelException.class)
                .satisfies(e -> assertThat(((KernelException) e).errno()).isEqualTo(Errno.EPERM));
        assertThatThrownBy(() -> terminal.tcgetpgrp(99)).isInstanceOf(KernelException.class)
                .satisfies(e -> assertThat(((KernelException) e).errno()).isEqualTo(Errno.ENOTTY));
    }

    @Test
    void hangupGivesReadersEofAndSignalsTheSession() throws Exception {
        terminal.hangup();
        assertThat(read(10)).isEqualTo("<EOF>");
        assertThat(sent).containsExactly("SIGHUP->10", "SIGCONT->10", "SIGHUP->20", "SIGCONT->20");
        assertThat(terminal.output().read()).isEqualTo(-1);
    }

    @Test
    void submittedLinesAreReadWithoutEcho() throws Exception {
        terminal.submit("ls\n");
        assertThat(read(10)).isEqualTo("ls\n");
        assertThat(screen()).isEmpty();
    }
}
