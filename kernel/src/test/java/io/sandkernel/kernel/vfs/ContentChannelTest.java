package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every handle of an in-memory file does its I/O through the file's one {@link ContentChannel}:
 * each handle still enforces its own access mode, a channel closed by an interrupt is opened again
 * for all of them, and the channel goes when the file has neither a name nor a handle left.
 */
@Timeout(20)
class ContentChannelTest {
    private final Fixture fixture = new Fixture();
    private final Vfs vfs = fixture.vfs;

    private FileHandle open(String path, int flags) {
        return vfs.open(ROOT, null, path, flags, 0).handle();
    }

    /** The channel the handles of {@code path} share now (one is open), without counting an open. */
    private FileChannel sharedChannel(String path) throws IOException {
        MemNode node = (MemNode) vfs.resolve(ROOT, null, path, true).node();
        return node.inode.content.reopen(null, node.path);
    }

    /** Opens and closes {@code path}: a file opened twice keeps its channel while it has a name. */
    private void openAndClose(String path) {
        open(path, O_RDONLY).close();
    }

    private static String text(ByteBuffer buffer) {
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    @Test
    void eachHandleKeepsItsOwnAccessModeOnTheSharedChannel() {
        fixture.write(ROOT, "/tmp/f", "hello");
        try (FileHandle writer = open("/tmp/f", O_RDWR);
             FileHandle reader = open("/tmp/f", O_RDONLY);
             FileHandle writeOnly = open("/tmp/f", O_WRONLY)) {
            assertErrno(Errno.EBADF, () -> reader.write(ByteBuffer.wrap(new byte[] {'x'}), 0));
            assertErrno(Errno.EINVAL, () -> reader.truncate(0));
            assertErrno(Errno.EBADF, () -> writeOnly.read(ByteBuffer.allocate(8), 0));

            writer.write(ByteBuffer.wrap("J".getBytes(StandardCharsets.UTF_8)), 0);
            writeOnly.write(ByteBuffer.wrap("!".getBytes(StandardCharsets.UTF_8)), 5);
            ByteBuffer seen = ByteBuffer.allocate(16);
            reader.read(seen, 0);
            assertThat(text(seen)).isEqualTo("Jello!");
        }
        assertThat(fixture.read(ROOT, "/tmp/f")).isEqualTo("Jello!");
    }

    @Test
    void aChannelClosedByAnInterruptIsOpenedAgainForEveryHandle() throws IOException {
        fixture.write(ROOT, "/tmp/f", "hello");
        try (FileHandle first = open("/tmp/f", O_RDWR); FileHandle second = open("/tmp/f", O_RDONLY)) {
            FileChannel shared = sharedChannel("/tmp/f");
            // what a signal does to a thread inside a channel call: NIO closes the channel
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> shared.read(ByteBuffer.allocate(1), 0)).isInstanceOf(ClosedByInterruptException.class);
            assertThat(Thread.interrupted()).isTrue();
            assertThat(shared.isOpen()).isFalse();

            first.write(ByteBuffer.wrap(" world".getBytes(StandardCharsets.UTF_8)), 5);
            ByteBuffer seen = ByteBuffer.allocate(32);
            second.read(seen, 0);
            assertThat(text(seen)).isEqualTo("hello world");
            assertThat(sharedChannel("/tmp/f")).isNotSameAs(shared).matches(FileChannel::isOpen);
        }
    }

    @Test
    void handlesWritingWhileTheirThreadsAreInterruptedLoseNoWrite() throws InterruptedException {
        fixture.write(ROOT, "/tmp/f", "");
        int writers = 4;
        int region = 1024;
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            byte fill = (byte) ('a' + t);
            long offset = (long) t * region;
            threads.add(new Thread(() -> {
                try (FileHandle handle = open("/tmp/f", O_RDWR)) {
                    byte[] data = new byte[region];
                    for (int i = 0; i < 3000; i++) {
                        java.util.Arrays.fill(data, (byte) (i % 2 == 0 ? '-' : fill));
                        handle.write(ByteBuffer.wrap(data), offset);
                        Thread.interrupted(); // the kernel's signal delivery would act on it here
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        // interrupts land inside channel calls, closing the channel every handle shares
        while (threads.stream().anyMatch(Thread::isAlive)) {
            threads.forEach(Thread::interrupt);
            Thread.onSpinWait();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        assertThat(failures).isEmpty();
        StringBuilder expected = new StringBuilder();
        for (int t = 0; t < writers; t++) {
            expected.append(String.valueOf((char) ('a' + t)).repeat(region));
        }
        assertThat(fixture.read(ROOT, "/tmp/f")).isEqualTo(expected.toString());
    }

    @Test
    void anUnlinkedFileKeepsItsChannelUntilItsLastHandleCloses() throws IOException {
        fixture.write(ROOT, "/tmp/f", "kept");
        FileHandle handle = open("/tmp/f", O_RDONLY);
        FileChannel shared = sharedChannel("/tmp/f");
        vfs.unlink(ROOT, null, "/tmp/f");

        assertThat(shared.isOpen()).isTrue();
        ByteBuffer seen = ByteBuffer.allocate(8);
        handle.read(seen, 0);
        assertThat(text(seen)).isEqualTo("kept");
        handle.close();
        assertThat(shared.isOpen()).isFalse();
    }

    @Test
    void aFileUnlinkedWithNoHandleOpenLosesItsChannelAtOnce() throws IOException {
        fixture.write(ROOT, "/tmp/f", "gone");
        openAndClose("/tmp/f");
        FileChannel shared = sharedChannel("/tmp/f");
        assertThat(shared.isOpen()).isTrue(); // kept while the file has a name, for the next open
        vfs.unlink(ROOT, null, "/tmp/f");
        assertThat(shared.isOpen()).isFalse();
    }

    @Test
    void aFileRenamedOverLosesItsChannelAndTheNewNameReadsTheOtherFile() throws IOException {
        fixture.write(ROOT, "/tmp/old", "old");
        fixture.write(ROOT, "/tmp/new", "new");
        openAndClose("/tmp/old");
        FileChannel replaced = sharedChannel("/tmp/old");
        vfs.rename(ROOT, null, "/tmp/new", null, "/tmp/old");
        assertThat(replaced.isOpen()).isFalse();
        assertThat(fixture.read(ROOT, "/tmp/old")).isEqualTo("new");
    }

    @Test
    void aFileOpenedOnlyOnceKeepsNoChannelAfterItsHandleCloses() throws IOException {
        FileHandle first = vfs.open(ROOT, null, "/tmp/f", O_CREAT | O_RDWR, 0644).handle();
        FileChannel once = sharedChannel("/tmp/f");
        first.close();
        assertThat(once.isOpen()).isFalse();

        FileHandle second = open("/tmp/f", O_RDONLY);
        FileChannel kept = sharedChannel("/tmp/f");
        second.close();
        assertThat(kept.isOpen()).isTrue();
    }

    @Test
    void writesMoveTheKernelsTimesWhileJimfsKeepsNone() {
        assertThat(vfs.stat(ROOT, null, "/", true).mtime()).isEqualTo(Fixture.START);
        fixture.write(ROOT, "/tmp/f", "a");
        fixture.clock.advance(Duration.ofSeconds(7));
        try (FileHandle handle = open("/tmp/f", O_WRONLY)) {
            handle.write(ByteBuffer.wrap(new byte[] {'b'}), 1);
        }
        assertThat(vfs.stat(ROOT, null, "/tmp/f", true).mtime()).isEqualTo(Fixture.START.plusSeconds(7));
    }
}
