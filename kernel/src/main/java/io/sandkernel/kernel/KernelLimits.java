package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.time.Duration;

/**
 * Resource limits of one {@link Kernel}. Every limit fails closed with the errno Linux uses.
 *
 * @param maxProcesses        live processes per kernel; spawning beyond fails with EAGAIN
 * @param maxProcessesPerUser live processes per real uid (root included); EAGAIN beyond
 * @param maxOpenFiles        open descriptors per process; EMFILE beyond
 * @param maxPipes            pipes open at once per kernel; EAGAIN beyond
 * @param maxFilesystemBytes  bytes of regular files the counted filesystems (the in-memory root and
 *                            mounted {@code java.nio} filesystems) hold together; growing a file
 *                            beyond (write, pwrite, truncate) fails with ENOSPC, and host
 *                            directories are charged for what they grow through the kernel; also
 *                            what {@code statfs} and {@code /proc/meminfo} report as the size
 * @param maxInodes           files, directories and symbolic links the counted filesystems hold
 *                            together; creating one more ({@code open} with {@code O_CREAT},
 *                            {@code mkdir}, {@code symlink}) fails with ENOSPC
 * @param maxArgBytes         total bytes of argv plus environment (each string plus one NUL); E2BIG beyond
 * @param killGrace           how long {@link Kernel#exec} waits after SIGTERM before SIGKILL on a timeout
 * @param memoryBytes         the memory programs may hold on the kernel's behalf together (what they
 *                            reserve through {@code ProcessApi.reserveMemory}: shell variables,
 *                            buffers of commands; argument vectors, pipe buffers and the in-memory
 *                            filesystem's data); a reservation beyond fails with ENOMEM, a file
 *                            write beyond with ENOSPC (as tmpfs)
 */
public record KernelLimits(int maxProcesses, int maxProcessesPerUser, int maxOpenFiles, int maxPipes,
                           long maxFilesystemBytes, int maxInodes, int maxArgBytes, Duration killGrace,
                           long memoryBytes) {
    private static final KernelLimits DEFAULTS = new KernelLimits(256, 256, 256, 128, 64L * 1024 * 1024,
            16_384, 256 * 1024, Duration.ofSeconds(1), 256L * 1024 * 1024);

    /** Validates: every count positive, the grace not negative. */
    public KernelLimits {
        if (maxProcesses < 1 || maxProcessesPerUser < 1 || maxOpenFiles < 3 || maxPipes < 1
                || maxFilesystemBytes < 1 || maxInodes < 1 || maxArgBytes < 1
                || killGrace == null || killGrace.isNegative() || memoryBytes < 1) {
            throw new KernelException(Errno.EINVAL, "invalid kernel limits");
        }
    }

    /**
     * 256 processes (also per user), 256 descriptors per process, 128 pipes, 64 MiB and 16,384
     * inodes of filesystem, 256 KiB of argv plus environment, 1 s kill grace, 256 MiB of memory.
     */
    public static KernelLimits defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code max} processes per kernel. */
    public KernelLimits withMaxProcesses(int max) {
        return new KernelLimits(max, maxProcessesPerUser, maxOpenFiles, maxPipes, maxFilesystemBytes, maxInodes,
                maxArgBytes, killGrace, memoryBytes);
    }

    /** A copy with {@code max} processes per user. */
    public KernelLimits withMaxProcessesPerUser(int max) {
        return new KernelLimits(maxProcesses, max, maxOpenFiles, maxPipes, maxFilesystemBytes, maxInodes,
                maxArgBytes, killGrace, memoryBytes);
    }

    /** A copy with {@code max} descriptors per process. */
    public KernelLimits withMaxOpenFiles(int max) {
        return new KernelLimits(maxProcesses, maxProcessesPerUser, max, maxPipes, maxFilesystemBytes, maxInodes,
                maxArgBytes, killGrace, memoryBytes);
    }

    /** A copy with {@code max} pipes. */
    public KernelLimits withMaxPipes(int max) {
        return new KernelLimits(maxProcesses, maxProcessesPerUser, maxOpenFiles, max, maxFilesystemBytes, maxInodes,
                maxArgBytes, killGrace, memoryBytes);
    }

    /** A copy with a filesystem of {@code bytes}. */
    public KernelLimits withMaxFilesystemBytes(long bytes) {
        return new KernelLimits(maxProcesses, maxProcessesPerUser, maxOpenFiles, maxPipes, bytes, maxInodes,
                maxArgBytes, killGrace, memoryBytes);
    }

    /** A copy with {@code max} inodes. */
    public KernelLimits withMaxInodes(int max) {
        return new KernelLimits(maxProcesses, maxProcessesPerUser, maxOpenFiles, maxPipes, maxFilesystemBytes, max,
                maxArgBytes, killGrace, memoryBytes);
    }

    /** A copy with {@code max} bytes of argv plus environment. */
    public KernelLimits withMaxArgBytes(int max) {
        return new KernelLimits(maxProcesses, maxProcessesPerUser, maxOpenFiles, maxPipes, maxFilesystemBytes,
                maxInodes, max, killGrace, memoryBytes);
    }

    /** A copy with the SIGTERM-to-SIGKILL grace of {@link Kernel#exec} timeouts. */
    public KernelLimits withKillGrace(Duration grace) {
        return new KernelLimits(maxProcesses, maxProcessesPerUser, maxOpenFiles, maxPipes, maxFilesystemBytes,
                maxInodes, maxArgBytes, grace, memoryBytes);
    }

    /** A copy with {@code bytes} of memory for the programs of the kernel together. */
    public KernelLimits withMemoryBytes(long bytes) {
        return new KernelLimits(maxProcesses, maxProcessesPerUser, maxOpenFiles, maxPipes, maxFilesystemBytes,
                maxInodes, maxArgBytes, killGrace, bytes);
    }
}
