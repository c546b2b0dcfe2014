package io.sandkernel.kernel.fd;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.PollFd;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PollerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final FdTable table = new FdTable(16);
    private final Pipe pipe = new Pipe();
    private final int reader = table.install(pipe.newReader(), false);
    private final int writer = table.install(pipe.newWriter(), false);

    @Test
    void anEmptyPipeIsWritableButNotReadable() {
        int[] events = Poller.poll(table, 1, List.of(new PollFd(reader, PollFd.POLLIN), new PollFd(writer,
                PollFd.POLLOUT)), Duration.ZERO);
        assertThat(events).containsExactly(0, PollFd.POLLOUT);
    }

    @Test
    void aTimeoutEndsTheWaitWithNoEvents() {
        long start = System.nanoTime();
        int[] events = Poller.poll(table, 1, List.of(new PollFd(reader, PollFd.POLLIN)), Duration.ofMillis(50));
        assertThat(events).containsExactly(0);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    }

    @Test
    void aWriteWakesAPollerWaitingToRead() throws Exception {
        CompletableFuture<int[]> result = new CompletableFuture<>();
        Thread poller = Thread.ofVirtual().start(() -> result.complete(
                Poller.poll(table, 1, List.of(new PollFd(reader, PollFd.POLLIN)), Duration.ofSeconds(-1))));
        assertThat(Threads.awaitBlocked(poller, WAIT)).isTrue();
        table.get(writer).write(1, new byte[] {1}, 0, 1);
        assertThat(result.get(5, TimeUnit.SECONDS)).containsExactly(PollFd.POLLIN);
    }

    @Test
    void closingTheLastWriterIsAHangUp() throws Exception {
        CompletableFuture<int[]> result = new CompletableFuture<>();
        Thread poller = Thread.ofVirtual().start(() -> result.complete(
                Poller.poll(table, 1, List.of(new PollFd(reader, PollFd.POLLIN)), WAIT)));
        assertThat(Threads.awaitBlocked(poller, WAIT)).isTrue();
        table.close(writer);
        assertThat(result.get(5, TimeUnit.SECONDS)).containsExactly(PollFd.POLLHUP);
    }

    @Test
    void aWriterWithoutReaderGetsPollerr() {
        table.close(reader);
        assertThat(Poller.poll(table, 1, List.of(new PollFd(writer, PollFd.POLLOUT)), Duration.ZERO))
                .containsExactly(PollFd.POLLERR);
    }

    @Test
    void closedDescriptorsAreInvalidAndNegativeOnesIgnored() {
        assertThat(Poller.poll(table, 1, List.of(new PollFd(9, PollFd.POLLIN), new PollFd(-1, PollFd.POLLIN)),
                Duration.ZERO)).containsExactly(PollFd.POLLNVAL, 0);
    }

    @Test
    void anInterruptEndsTheWaitWithEintr() throws Exception {
        CompletableFuture<Errno> result = new CompletableFuture<>();
        Thread poller = Thread.ofVirtual().start(() -> {
            try {
                Poller.poll(table, 1, List.of(new PollFd(reader, PollFd.POLLIN)), Duration.ofSeconds(-1));
                result.complete(null);
            } catch (KernelException e) {
                result.complete(e.errno());
            }
        });
        assertThat(Threads.awaitBlocked(poller, WAIT)).isTrue();
        poller.interrupt();
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(Errno.EINTR);
    }
}
