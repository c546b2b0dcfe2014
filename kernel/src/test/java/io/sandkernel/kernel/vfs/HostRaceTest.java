package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.kernel.vfs.Fixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.KernelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One thread keeps swapping a directory of a host mount with symbolic links to outside (through
 * the VFS) while others resolve, read, create and list through it: no operation ever reaches
 * outside the mounted directory.
 */
@Timeout(30)
class HostRaceTest {
    private static final long RUN_NANOS = 2_000_000_000L;

    @TempDir
    Path base;

    @Test
    void renamingDirectoriesAndSymlinksNeverLetsAReaderOutside() throws Exception {
        Path inside = Files.createDirectories(base.resolve("inside/d"));
        Path outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(inside.resolve("data.txt"), "INSIDE");
        Files.writeString(outside.resolve("data.txt"), "OUTSIDE");
        Fixture fx = new Fixture();
        Vfs vfs = fx.vfs;
        vfs.mkdir(Fixture.ROOT, null, "/host", 0755);
        vfs.mount("/host", NioBackend.hostDirectory(base.resolve("inside"), 1000, 1000), false);

        long deadline = System.nanoTime() + RUN_NANOS;
        ConcurrentLinkedQueue<String> escapes = new ConcurrentLinkedQueue<>();
        AtomicInteger insideReads = new AtomicInteger();
        AtomicInteger swaps = new AtomicInteger();
        List<String> targets = List.of(outside.toString(), "../outside", "../../../../../../.." + outside);

        Thread swapper = new Thread(() -> {
            int round = 0;
            while (System.nanoTime() < deadline) {
                try {
                    vfs.rename(USER, null, "/host/d", null, "/host/d-real");
                    vfs.symlink(USER, targets.get(round++ % targets.size()), null, "/host/d");
                    Thread.onSpinWait();
                    vfs.unlink(USER, null, "/host/d");
                    vfs.rename(USER, null, "/host/d-real", null, "/host/d");
                    swaps.incrementAndGet();
                    // the VFS lock is not fair: on a loaded machine the swapper could win it back
                    // every time, and no reader would ever see the real directory; so the real one
                    // stays in place until a reader got through, or for a millisecond at most
                    int seen = insideReads.get();
                    long until = System.nanoTime() + 1_000_000;
                    while (insideReads.get() == seen && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                } catch (KernelException e) {
                    // another thread's create may have got in the way; carry on
                }
            }
        });
        Runnable reader = () -> {
            Resolved kept = null;
            while (System.nanoTime() < deadline) {
                try {
                    String content = Fixture.read(vfs, USER, null, "/host/d/data.txt");
                    if (!content.equals("INSIDE")) {
                        escapes.add("read " + content);
                    } else {
                        insideReads.incrementAndGet();
                    }
                } catch (KernelException e) {
                    // ENOENT while the directory is swapped is fine
                }
                try {
                    if (kept == null) {
                        kept = vfs.resolveDirectory(USER, null, "/host/d");
                    }
                    String content = Fixture.read(vfs, USER, kept, "data.txt");
                    if (!content.equals("INSIDE")) {
                        escapes.add("read via kept directory " + content);
                    }
                } catch (KernelException e) {
                    kept = null;
                }
                try {
                    if (vfs.stat(USER, null, "/host/d/data.txt", true).size() != "INSIDE".length()) {
                        escapes.add("stat of outside file");
                    }
                } catch (KernelException e) {
                    // swapped
                }
            }
        };
        Runnable creator = () -> {
            while (System.nanoTime() < deadline) {
                try (FileHandle h = vfs.open(USER, null, "/host/d/data.txt", O_CREAT | O_RDWR, 0644).handle()) {
                    ByteBuffer buffer = ByteBuffer.allocate(16);
                    int n = h.read(buffer, 0);
                    String content = new String(buffer.array(), 0, Math.max(0, n), StandardCharsets.UTF_8);
                    if (!content.equals("INSIDE")) {
                        escapes.add("create-open read " + content);
                    }
                } catch (KernelException e) {
                    // swapped
                }
                try {
                    vfs.mkdir(USER, null, "/host/d/made", 0755);
                    vfs.rmdir(USER, null, "/host/d/made");
                } catch (KernelException e) {
                    // swapped
                }
            }
        };
        Thread[] threads = {swapper, new Thread(reader), new Thread(reader), new Thread(creator)};
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(20_000);
            assertThat(thread.isAlive()).isFalse();
        }

        assertThat(escapes).isEmpty();
        assertThat(swaps.get()).isPositive();
        assertThat(insideReads.get()).isPositive();
        assertThat(Files.readString(outside.resolve("data.txt"))).isEqualTo("OUTSIDE");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("data.txt");
        }
    }

    @Test
    void hostDirectoryMountIsUsableAfterTheRace() throws IOException {
        Files.createDirectories(base.resolve("m"));
        Fixture fx = new Fixture();
        fx.vfs.mkdir(Fixture.ROOT, null, "/m", 0755);
        fx.vfs.mount("/m", NioBackend.hostDirectory(base.resolve("m"), 1000, 1000), false);
        fx.write(USER, "/m/f", "ok");
        assertThat(fx.read(USER, "/m/f")).isEqualTo("ok");
    }
}
