package io.sandkernel.userland.kernel;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.userland.kernel.InProcess.errno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.fs.StatFs;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The byte and inode limits hold for every way of creating or growing files, and statfs shows them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FilesystemLimitsTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void everyWayOfGrowingAFileStopsAtTheByteLimit() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMaxFilesystemBytes(MIB))) {
            InProcess.run(kernel, p -> {
                int fd = p.open("/tmp/big", O_RDWR | O_CREAT, 0644);
                byte[] chunk = new byte[256 * 1024];
                long written = 0;
                try {
                    while (true) {
                        written += p.write(fd, chunk, 0, chunk.length);
                    }
                } catch (io.sandkernel.KernelException e) {
                    assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
                }
                assertThat(written).isLessThanOrEqualTo(MIB).isGreaterThan(MIB / 2);
                assertThat(errno(() -> p.pwrite(fd, chunk, 0, 1, 10 * MIB))).isEqualTo(Errno.ENOSPC);
                assertThat(errno(() -> p.ftruncate(fd, 2 * MIB))).isEqualTo(Errno.ENOSPC);
                assertThat(errno(() -> p.truncate("/tmp/big", 2 * MIB))).isEqualTo(Errno.ENOSPC);
                StatFs full = p.statfs("/tmp");
                assertThat(full.freeBlocks()).isLessThanOrEqualTo(full.totalBlocks() / 4);
                p.ftruncate(fd, 0);
                StatFs freed = p.statfs("/tmp");
                assertThat(freed.freeBlocks()).isGreaterThan(full.freeBlocks());
                p.lseek(fd, 0, io.sandkernel.api.fs.OpenFlags.SEEK_SET);
                assertThat(p.write(fd, chunk, 0, chunk.length)).isEqualTo(chunk.length);
            });
        }
    }

    @Test
    void spaceOfAnUnlinkedFileComesBackWhenItsLastDescriptorCloses() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMaxFilesystemBytes(MIB))) {
            InProcess.run(kernel, p -> {
                int fd = p.open("/tmp/big", O_WRONLY | O_CREAT, 0644);
                byte[] chunk = new byte[(int) (MIB * 3 / 4)];
                p.write(fd, chunk, 0, chunk.length);
                p.unlink("/tmp/big");
                int other = p.open("/tmp/other", O_WRONLY | O_CREAT, 0644);
                assertThat(p.write(other, chunk, 0, chunk.length)).as("what fits").isLessThan(chunk.length / 2);
                assertThat(errno(() -> p.write(other, chunk, 0, chunk.length))).isEqualTo(Errno.ENOSPC);
                p.close(fd);
                p.ftruncate(other, 0);
                p.lseek(other, 0, io.sandkernel.api.fs.OpenFlags.SEEK_SET);
                assertThat(p.write(other, chunk, 0, chunk.length)).isEqualTo(chunk.length);
            });
        }
    }

    @Test
    void everyWayOfMakingAnInodeStopsAtTheInodeLimit() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMaxInodes(40))) {
            InProcess.run(kernel, p -> {
                StatFs before = p.statfs("/");
                assertThat(before.totalInodes()).isEqualTo(40);
                long free = before.freeInodes();
                assertThat(free).isPositive();
                for (long i = 0; i < free; i++) {
                    p.mkdir("/tmp/d" + i, 0755);
                }
                assertThat(p.statfs("/").freeInodes()).isZero();
                assertThat(errno(() -> p.mkdir("/tmp/more", 0755))).isEqualTo(Errno.ENOSPC);
                assertThat(errno(() -> p.open("/tmp/file", O_WRONLY | O_CREAT, 0644))).isEqualTo(Errno.ENOSPC);
                assertThat(errno(() -> p.symlink("x", "/tmp/link"))).isEqualTo(Errno.ENOSPC);
                p.rmdir("/tmp/d0");
                p.symlink("x", "/tmp/link");
            });
        }
    }
}
