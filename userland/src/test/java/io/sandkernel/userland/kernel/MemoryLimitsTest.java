package io.sandkernel.userland.kernel;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.userland.kernel.InProcess.errno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory is a kernel resource: what programs reserve, argument vectors, pipe buffers and in-memory
 * file data are charged against {@link KernelLimits#memoryBytes} and each process's own limit;
 * ENOMEM past them (ENOSPC for file data, as tmpfs), and everything comes back when processes exit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryLimitsTest {
    private static final long MIB = 1024 * 1024;
    private static final ExecOptions WAIT = ExecOptions.defaults().withTimeout(Duration.ofSeconds(30));

    @Test
    void theDefaultLimitIs256MebibytesAndCopiesChangeOnlyIt() {
        KernelLimits limits = KernelLimits.defaults();
        assertThat(limits.memoryBytes()).isEqualTo(256 * MIB);
        KernelLimits small = limits.withMemoryBytes(8 * MIB);
        assertThat(small.memoryBytes()).isEqualTo(8 * MIB);
        assertThat(small.withMaxPipes(3).memoryBytes()).isEqualTo(8 * MIB);
        assertThat(small.maxInodes()).isEqualTo(limits.maxInodes());
        assertThat(errno(() -> limits.withMemoryBytes(0))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void aReservationPastTheKernelsLimitFailsWithEnomemAndTakesNothing() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMemoryBytes(16 * MIB))) {
            InProcess.run(kernel, p -> {
                // the test's launcher may still be exiting (its argv): compare within a page
                long before = kernel.memoryUsed();
                p.reserveMemory(4 * MIB);
                assertThat(kernel.memoryUsed()).isCloseTo(before + 4 * MIB, within(4096L));
                assertThat(errno(() -> p.reserveMemory(16 * MIB))).isEqualTo(Errno.ENOMEM);
                assertThat(kernel.memoryUsed()).isCloseTo(before + 4 * MIB, within(4096L));
                p.releaseMemory(4 * MIB);
                assertThat(kernel.memoryUsed()).isCloseTo(before, within(4096L));
                p.releaseMemory(MIB); // more than it holds: nothing of anyone else's goes
                assertThat(kernel.memoryUsed()).isCloseTo(before, within(4096L));
                assertThat(errno(() -> p.reserveMemory(-1))).isEqualTo(Errno.EINVAL);
            });
        }
    }

    @Test
    void aProcessLimitIsInheritedByChildrenAndOnlyRootRaisesIt() {
        try (Kernel kernel = TestPrograms.kernel()) {
            ExecResult result = kernel.exec("ulimit -v; ulimit -v 2048; ulimit -v; sh -c 'ulimit -v'; "
                    + "ulimit -v 4096; echo $?", WAIT);
            assertThat(result.stdout()).isEqualTo("unlimited\n2048\n2048\n2\n");
            assertThat(result.stderr()).isEqualTo("sh: 1: ulimit: error setting limit (Operation not permitted)\n");
            InProcess.run(kernel, p -> {
                assertThat(p.memoryLimit()).isEqualTo(Long.MAX_VALUE);
                p.setMemoryLimit(MIB);
                assertThat(p.memoryLimit()).isEqualTo(MIB);
                assertThat(errno(() -> p.reserveMemory(2 * MIB))).isEqualTo(Errno.ENOMEM);
                p.reserveMemory(MIB / 2);
                assertThat(errno(() -> p.setMemoryLimit(2 * MIB))).isEqualTo(Errno.EPERM);
                assertThat(errno(() -> p.setMemoryLimit(-5))).isEqualTo(Errno.EINVAL);
            });
            assertThat(kernel.exec("ulimit -v abc", WAIT).stderr()).isEqualTo("sh: 1: ulimit: bad number\n");
        }
    }

    @Test
    void whatAProcessStillHoldsComesBackWhenItExits() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMemoryBytes(64 * MIB))) {
            assertThat(kernel.exec("true", WAIT).exitCode()).isZero(); // settle what a first exec creates
            long baseline = kernel.memoryUsed();
            InProcess.run(kernel, p -> {
                p.reserveMemory(8 * MIB); // never released by the program
                MemoryReservation growing = new MemoryReservation(p);
                growing.ensure(3 * MIB);
                assertThat(growing.charged()).isGreaterThanOrEqualTo(3 * MIB);
            });
            ExecResult shell = kernel.exec("x=$(seq 100000); a=$x$x; y=$(cat <<EOF\n$a\nEOF\n); "
                    + "seq 100000 | sort -r | tac | uniq | wc -l", WAIT);
            assertThat(shell.stdout()).isEqualTo("100000\n");
            assertThat(kernel.memoryUsed()).isEqualTo(baseline);
        }
    }

    @Test
    void aReservationGrowsByDoublingAndFallsBackToWhatFits() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMemoryBytes(16 * MIB))) {
            InProcess.run(kernel, p -> {
                long before = kernel.memoryUsed();
                try (MemoryReservation reservation = new MemoryReservation(p)) {
                    reservation.ensure(1);
                    assertThat(reservation.charged()).isEqualTo(64 * 1024);
                    reservation.ensure(100 * 1024);
                    assertThat(reservation.charged()).isEqualTo(128 * 1024);
                    long room = 16 * MIB - before - 4096;
                    reservation.ensure(room); // doubling would not fit: exactly what was asked
                    assertThat(reservation.charged()).isEqualTo(room);
                    KernelException full = org.junit.jupiter.api.Assertions.assertThrows(KernelException.class,
                            () -> reservation.ensure(17 * MIB));
                    assertThat(full.errno()).isEqualTo(Errno.ENOMEM);
                    assertThat(reservation.charged()).isEqualTo(room);
                    reservation.shrinkTo(10);
                    assertThat(reservation.charged()).isEqualTo(64 * 1024);
                }
                assertThat(kernel.memoryUsed()).isEqualTo(before);
            });
        }
    }

    @Test
    void pipeBuffersAndFileDataAreCharged() {
        try (Kernel kernel = TestPrograms.kernel(KernelLimits.defaults().withMemoryBytes(8 * MIB)
                .withMaxFilesystemBytes(64 * MIB))) {
            InProcess.run(kernel, p -> {
                long before = kernel.memoryUsed();
                int[] pipe = p.pipe();
                assertThat(kernel.memoryUsed()).isEqualTo(before + 64 * 1024);
                p.close(pipe[0]);
                p.close(pipe[1]);
                assertThat(kernel.memoryUsed()).isEqualTo(before);

                // file data in memory beyond the kernel's memory: ENOSPC, as tmpfs, below the filesystem's size
                int fd = p.open("/tmp/big", O_WRONLY | O_CREAT, 0644);
                byte[] chunk = new byte[(int) MIB];
                long written = 0;
                try {
                    while (written < 32 * MIB) {
                        written += p.write(fd, chunk, 0, chunk.length);
                    }
                } catch (KernelException e) {
                    assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
                }
                assertThat(written).isLessThan(8 * MIB).isGreaterThan(4 * MIB);
                assertThat(errno(() -> p.pipe())).isEqualTo(Errno.ENOMEM);
                assertThat(errno(() -> p.reserveMemory(MIB))).isEqualTo(Errno.ENOMEM);
                p.close(fd);
                p.unlink("/tmp/big");
                assertThat(kernel.memoryUsed()).isEqualTo(before + 0 * MIB);
            });
        }
    }
}
