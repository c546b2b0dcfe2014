package io.sandkernel.kernel.fd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PipeTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static KernelException failure(Runnable action) {
        try {
            action.run();
        } catch (KernelException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    @Test
    void readerSeesEndOfFileAsZeroWhenTheLastWriterCloses() throws Exception {
        AtomicInteger released = new AtomicInteger();
        Pipe pipe = new Pipe(released::incrementAndGet, 0, 0);
        OpenFile reader = pipe.newReader();
        OpenFile writer = pipe.newWriter();
        OpenFile second = writer.retain();
        writer.write(1, "ab".getBytes(StandardCharsets.UTF_8), 0, 2);
        writer.release();
        byte[] buffer = new byte[8];
        assertThat(reader.read(1, buffer, 0, 8)).isEqualTo(2);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread blocked = Thread.ofVirtual().start(() -> result.complete(reader.read(1, buffer, 0, 8)));
        assertThat(Threads.awaitBlocked(blocked, WAIT)).isTrue();
        second.release();
        assertThat(result.get(5, TimeUnit.SECONDS)).isZero();
        reader.release();
        assertThat(released).hasValue(1);
    }

    @Test
    void writerBlocksAtSixtyFourKibUntilTheReaderDrains() throws Exception {
        Pipe pipe = new Pipe();
        OpenFile reader = pipe.newReader();
        OpenFile writer = pipe.newWriter();
        assertThat(writer.write(1, new byte[Pipe.CAPACITY], 0, Pipe.CAPACITY)).isEqualTo(Pipe.CAPACITY);
        assertThat(pipe.available()).isEqualTo(64 * 1024);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread blocked = Thread.ofVirtual().start(() -> result.complete(writer.write(1, new byte[10], 0, 10)));
        assertThat(Threads.awaitBlocked(blocked, WAIT)).isTrue();
        assertThat(result).isNotDone();
        assertThat(reader.read(1, new byte[100], 0, 100)).isEqualTo(100);
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(pipe.available()).isEqualTo(Pipe.CAPACITY - 100 + 10);
    }

    @Test
    void writingWithNoReaderFailsWithEpipe() {
        Pipe pipe = new Pipe();
        OpenFile reader = pipe.newReader();
        OpenFile writer = pipe.newWriter();
        reader.release();
        assertThat(failure(() -> writer.write(1, new byte[1], 0, 1)).errno()).isEqualTo(Errno.EPIPE);
    }

    @Test
    void blockedReadFailsWithEintrWhenTheThreadIsInterrupted() throws Exception {
        Pipe pipe = new Pipe();
        OpenFile reader = pipe.newReader();
        pipe.newWriter();
        CompletableFuture<KernelException> failure = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().start(() -> failure.complete(failure(() -> reader.read(1, new byte[1], 0, 1))));
        assertThat(Threads.awaitBlocked(thread, WAIT)).isTrue();
        thread.interrupt();
        assertThat(failure.get(5, TimeUnit.SECONDS).errno()).isEqualTo(Errno.EINTR);
    }

    @Test
    void interruptedWriteReturnsWhatWentIn() throws Exception {
        Pipe pipe = new Pipe();
        pipe.newReader();
        OpenFile writer = pipe.newWriter();
        CompletableFuture<Integer> written = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().start(() -> written.complete(
                writer.write(1, new byte[Pipe.CAPACITY + 100], 0, Pipe.CAPACITY + 100)));
        assertThat(Threads.awaitBlocked(thread, WAIT)).isTrue();
        thread.interrupt();
        assertThat(written.get(5, TimeUnit.SECONDS)).isEqualTo(Pipe.CAPACITY);
    }

    @Test
    void nonBlockingEndsFailWithEagainInsteadOfWaiting() {
        Pipe pipe = new Pipe();
        OpenFile reader = pipe.newReader(OpenFlags.O_NONBLOCK);
        OpenFile writer = pipe.newWriter(OpenFlags.O_NONBLOCK);
        assertThat(failure(() -> reader.read(1, new byte[1], 0, 1)).errno()).isEqualTo(Errno.EAGAIN);
        assertThat(writer.write(1, new byte[Pipe.CAPACITY - 10], 0, Pipe.CAPACITY - 10)).isEqualTo(Pipe.CAPACITY - 10);
        // up to PIPE_BUF bytes are all or nothing
        assertThat(failure(() -> writer.write(1, new byte[20], 0, 20)).errno()).isEqualTo(Errno.EAGAIN);
        // more than PIPE_BUF: what fits
        assertThat(writer.write(1, new byte[5000], 0, 5000)).isEqualTo(10);
        assertThat(failure(() -> writer.write(1, new byte[5000], 0, 5000)).errno()).isEqualTo(Errno.EAGAIN);
    }

    @Test
    void endsAreFifosToFstatAndCannotSeek() {
        Pipe pipe = new Pipe(() -> {}, 1000, 1000);
        OpenFile reader = pipe.newReader();
        assertThat(reader.stat().type()).isEqualTo(FileType.FIFO);
        assertThat(reader.stat().uid()).isEqualTo(1000);
        assertThat(reader.stat().ino()).isEqualTo(pipe.ino());
        assertThat(reader.describe()).isEqualTo("pipe:[" + pipe.ino() + "]");
        assertThat(failure(() -> reader.seek(0, OpenFlags.SEEK_SET)).errno()).isEqualTo(Errno.ESPIPE);
        assertThat(failure(() -> reader.pread(new byte[1], 0, 1, 0)).errno()).isEqualTo(Errno.ESPIPE);
        assertThat(failure(() -> reader.write(1, new byte[1], 0, 1)).errno()).isEqualTo(Errno.EBADF);
    }

    @Test
    void reopeningAnEndGivesANewEndOfTheSamePipe() {
        Pipe pipe = new Pipe();
        OpenFile reader = pipe.newReader();
        OpenFile writer = reader.reopen(OpenFlags.O_WRONLY);
        writer.write(1, new byte[] {42}, 0, 1);
        byte[] one = new byte[1];
        assertThat(reader.read(1, one, 0, 1)).isEqualTo(1);
        assertThat(one[0]).isEqualTo((byte) 42);
        assertThat(failure(() -> reader.reopen(OpenFlags.O_RDWR)).errno()).isEqualTo(Errno.EACCES);
    }
}
