package io.sandkernel.kernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.KernelException;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PipeTest {
    @Test
    void readerSeesEofWhenTheLastWriterCloses() throws Exception {
        AtomicInteger released = new AtomicInteger();
        Pipe pipe = new Pipe(released::incrementAndGet);
        OpenFile reader = pipe.newReader();
        OpenFile writer = pipe.newWriter();
        OpenFile second = writer.retain();
        writer.write("ab".getBytes(StandardCharsets.UTF_8), 0, 2);
        writer.release();
        byte[] buffer = new byte[8];
        assertThat(reader.read(buffer, 0, 8)).isEqualTo(2);
        CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.read(buffer, 0, 8);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(blocked).isNotDone();
        second.release();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
        reader.release();
        assertThat(released).hasValue(1);
    }

    @Test
    void writerBlocksAtSixtyFourKibUntilTheReaderDrains() throws Exception {
        Pipe pipe = new Pipe(() -> {});
        OpenFile reader = pipe.newReader();
        OpenFile writer = pipe.newWriter();
        writer.write(new byte[Pipe.CAPACITY], 0, Pipe.CAPACITY);
        assertThat(pipe.available()).isEqualTo(64 * 1024);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                writer.write(new byte[10], 0, 10);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(100);
        assertThat(blocked).isNotDone();
        assertThat(reader.read(new byte[100], 0, 100)).isEqualTo(100);
        blocked.get(5, TimeUnit.SECONDS);
        assertThat(pipe.available()).isEqualTo(Pipe.CAPACITY - 100 + 10);
    }

    @Test
    void writingWithNoReaderFailsWithEpipe() throws Exception {
        Pipe pipe = new Pipe(() -> {});
        OpenFile reader = pipe.newReader();
        OpenFile writer = pipe.newWriter();
        reader.release();
        assertThatThrownBy(() -> writer.write(new byte[1], 0, 1)).isInstanceOf(Pipe.BrokenPipeException.class)
                .hasMessageContaining("EPIPE");
    }

    @Test
    void blockedReadIsInterruptible() throws Exception {
        Pipe pipe = new Pipe(() -> {});
        OpenFile reader = pipe.newReader();
        pipe.newWriter();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                reader.read(new byte[1], 0, 1);
            } catch (IOException e) {
                failure.complete(e);
            }
        });
        thread.interrupt();
        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
    }
}
