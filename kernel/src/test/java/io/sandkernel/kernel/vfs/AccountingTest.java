package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.fs.StatFs;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AccountingTest {
    private static Vfs small(long bytes, long inodes) {
        return Vfs.inMemory(new VfsLimits(bytes, inodes), new MutableClock(Instant.EPOCH));
    }

    @Test
    void mkdirBeyondInodeLimitFailsWithEnospc() {
        Vfs vfs = small(1 << 20, 16_384);
        int made = 0;
        int failures = 0;
        for (int i = 0; i < 17_000; i++) {
            try {
                vfs.mkdir(ROOT, null, "/d" + i, 0755);
                made++;
            } catch (io.sandkernel.KernelException e) {
                assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
                failures++;
            }
        }
        assertThat(made).isEqualTo(16_383);
        assertThat(failures).isEqualTo(17_000 - 16_383);
        assertThat(vfs.usedInodes()).isEqualTo(16_384);
        vfs.rmdir(ROOT, null, "/d0");
        vfs.mkdir(ROOT, null, "/again", 0755);
    }

    @Test
    void filesAndSymlinksCostAnInodeEach() {
        Vfs vfs = small(1 << 20, 3);
        vfs.open(ROOT, null, "/f", O_CREAT | O_WRONLY, 0644).handle().close();
        vfs.symlink(ROOT, "f", null, "/l");
        assertErrno(Errno.ENOSPC, () -> vfs.open(ROOT, null, "/g", O_CREAT | O_WRONLY, 0644));
        assertErrno(Errno.ENOSPC, () -> vfs.symlink(ROOT, "f", null, "/m"));
        vfs.link(ROOT, null, "/f", null, "/hard", false);
        vfs.unlink(ROOT, null, "/l");
        vfs.symlink(ROOT, "f", null, "/m");
    }

    @Test
    void writePastTheLimitWritesWhatFitsThenFailsWithEnospc() {
        Vfs vfs = small(100, 100);
        try (FileHandle h = vfs.open(ROOT, null, "/f", O_CREAT | O_RDWR, 0644).handle()) {
            assertThat(h.write(ByteBuffer.allocate(60), 0)).isEqualTo(60);
            ByteBuffer rest = ByteBuffer.allocate(60);
            assertThat(h.write(rest, 60)).isEqualTo(40);
            assertThat(rest.remaining()).isEqualTo(20);
            assertErrno(Errno.ENOSPC, () -> h.write(ByteBuffer.allocate(1), 100));
            assertThat(h.write(ByteBuffer.allocate(10), 0)).isEqualTo(10);
            assertThat(h.size()).isEqualTo(100);
        }
        assertThat(vfs.usedBytes()).isEqualTo(100);
    }

    @Test
    void growingByTruncateOrHoleCountsAndShrinkingGivesBack() {
        Vfs vfs = small(1000, 100);
        try (FileHandle h = vfs.open(ROOT, null, "/f", O_CREAT | O_RDWR, 0644).handle()) {
            h.truncate(600);
            assertThat(vfs.usedBytes()).isEqualTo(600);
            assertErrno(Errno.ENOSPC, () -> h.truncate(1001));
            assertThat(h.write(ByteBuffer.allocate(1), 899)).isEqualTo(1);
            assertThat(vfs.usedBytes()).isEqualTo(900);
            h.truncate(100);
            assertThat(vfs.usedBytes()).isEqualTo(100);
        }
        vfs.truncate(ROOT, null, "/f", 1000);
        assertThat(vfs.usedBytes()).isEqualTo(1000);
        assertErrno(Errno.ENOSPC, () -> vfs.truncate(ROOT, null, "/f", 1001));
    }

    @Test
    void unlinkingTheLastLinkFreesBytesAndInode() {
        Vfs vfs = small(1000, 100);
        long inodes = vfs.usedInodes();
        try (FileHandle h = vfs.open(ROOT, null, "/f", O_CREAT | O_RDWR, 0644).handle()) {
            h.write(ByteBuffer.allocate(500), 0);
        }
        vfs.link(ROOT, null, "/f", null, "/g", false);
        vfs.unlink(ROOT, null, "/f");
        assertThat(vfs.usedBytes()).isEqualTo(500);
        vfs.unlink(ROOT, null, "/g");
        assertThat(vfs.usedBytes()).isZero();
        assertThat(vfs.usedInodes()).isEqualTo(inodes);
    }

    @Test
    void aFileOpenedAgainAndAgainIsStillFreedByItsLastUnlinkOrRenameOver() {
        Vfs vfs = small(1000, 100);
        long inodes = vfs.usedInodes();
        for (String name : new String[] {"/f", "/g"}) {
            for (int i = 0; i < 3; i++) { // opened more than once: its state outlives each close
                try (FileHandle h = vfs.open(ROOT, null, name, O_CREAT | O_RDWR, 0644).handle()) {
                    h.write(ByteBuffer.allocate(100), 100L * i);
                }
            }
        }
        assertThat(vfs.usedBytes()).isEqualTo(600);
        vfs.unlink(ROOT, null, "/f");
        assertThat(vfs.usedBytes()).isEqualTo(300);
        vfs.open(ROOT, null, "/h", O_CREAT | O_WRONLY, 0644).handle().close();
        vfs.rename(ROOT, null, "/h", null, "/g");
        assertThat(vfs.usedBytes()).isZero();
        assertThat(vfs.usedInodes()).isEqualTo(inodes + 1);
        try (FileHandle h = vfs.open(ROOT, null, "/f", O_CREAT | O_RDWR, 0644).handle()) {
            assertThat(h.size()).isZero(); // a new file under the old name: nothing of the old one
            h.write(ByteBuffer.allocate(50), 0);
        }
        assertThat(vfs.usedBytes()).isEqualTo(50);
    }

    @Test
    void unlinkedOpenFileIsFreedWhenItsLastHandleCloses() {
        Vfs vfs = small(1000, 100);
        long inodes = vfs.usedInodes();
        FileHandle a = vfs.open(ROOT, null, "/f", O_CREAT | O_RDWR, 0644).handle();
        FileHandle b = vfs.open(ROOT, null, "/f", O_RDWR, 0).handle();
        a.write(ByteBuffer.allocate(300), 0);
        vfs.unlink(ROOT, null, "/f");
        b.write(ByteBuffer.allocate(100), 300);
        assertThat(vfs.usedBytes()).isEqualTo(400);
        a.close();
        assertThat(vfs.usedBytes()).isEqualTo(400);
        b.close();
        assertThat(vfs.usedBytes()).isZero();
        assertThat(vfs.usedInodes()).isEqualTo(inodes);
    }

    @Test
    void renameOverAFileFreesIt() {
        Vfs vfs = small(1000, 100);
        try (FileHandle h = vfs.open(ROOT, null, "/a", O_CREAT | O_RDWR, 0644).handle()) {
            h.write(ByteBuffer.allocate(100), 0);
        }
        try (FileHandle h = vfs.open(ROOT, null, "/b", O_CREAT | O_RDWR, 0644).handle()) {
            h.write(ByteBuffer.allocate(200), 0);
        }
        vfs.rename(ROOT, null, "/a", null, "/b");
        assertThat(vfs.usedBytes()).isEqualTo(100);
        assertThat(vfs.usedInodes()).isEqualTo(2);
    }

    @Test
    void writingOrTruncatingBeyondTheLargestFileSizeFailsWithEfbig() {
        Vfs vfs = small(1000, 100);
        try (FileHandle h = vfs.open(ROOT, null, "/f", O_CREAT | O_RDWR, 0644).handle()) {
            assertErrno(Errno.EFBIG, () -> h.write(ByteBuffer.allocate(10), Long.MAX_VALUE - 5));
            assertErrno(Errno.EFBIG, () -> h.truncate(Long.MAX_VALUE));
            assertErrno(Errno.ENOSPC, () -> h.write(ByteBuffer.allocate(1), 1L << 40));
        }
        assertErrno(Errno.EFBIG, () -> vfs.truncate(ROOT, null, "/f", Long.MAX_VALUE));
        assertThat(vfs.usedBytes()).isZero();
    }

    @Test
    void statfsReportsUsageAndLimits() {
        Vfs vfs = small(4096 * 10, 50);
        try (FileHandle h = vfs.open(ROOT, null, "/f", O_CREAT | O_RDWR, 0644).handle()) {
            h.write(ByteBuffer.allocate(4096 * 3), 0);
        }
        StatFs fs = vfs.statfs(ROOT, null, "/f");
        assertThat(fs.type()).isEqualTo("tmpfs");
        assertThat(fs.blockSize()).isEqualTo(4096);
        assertThat(fs.totalBlocks()).isEqualTo(10);
        assertThat(fs.freeBlocks()).isEqualTo(7);
        assertThat(fs.totalInodes()).isEqualTo(50);
        assertThat(fs.freeInodes()).isEqualTo(48);
        assertThat(fs.readOnly()).isFalse();
    }

    @Test
    void concurrentWritersNeverExceedTheLimit() throws Exception {
        Vfs vfs = small(10_000, 100);
        Thread[] writers = new Thread[4];
        for (int t = 0; t < writers.length; t++) {
            String name = "/f" + t;
            writers[t] = new Thread(() -> {
                try (FileHandle h = vfs.open(ROOT, null, name, O_CREAT | O_RDWR, 0644).handle()) {
                    long position = 0;
                    while (true) {
                        try {
                            position += h.append(ByteBuffer.allocate(7));
                        } catch (io.sandkernel.KernelException e) {
                            return;
                        }
                    }
                }
            });
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join(10_000);
        }
        long total = 0;
        for (int t = 0; t < writers.length; t++) {
            total += vfs.stat(ROOT, null, "/f" + t, true).size();
        }
        assertThat(total).isEqualTo(10_000).isEqualTo(vfs.usedBytes());
    }
}
