package io.sandkernel.kernel.vfs;

import io.sandkernel.KernelException;
import io.sandkernel.api.fs.PollFd;
import java.nio.ByteBuffer;

/**
 * An open file's I/O, as a backend's {@link FileSystemBackend#open} returns it: positional reads and
 * writes, size, truncate and sync. The descriptor layer keeps the file offset; a handle has none.
 * Character devices and other non-seekable files ignore the position ({@link #seekable()} is
 * false). Handles are safe for use by several threads. Every method may throw a
 * {@link KernelException}: EBADF when the handle was not opened for that access or is closed, EIO
 * for an unexpected failure; writes to a counted filesystem that is full fail with ENOSPC.
 */
public interface FileHandle extends AutoCloseable {
    /**
     * Reads up to {@code dst.remaining()} bytes at {@code position}.
     *
     * @return the bytes read, or -1 at end of file
     */
    int read(ByteBuffer dst, long position);

    /**
     * Writes up to {@code src.remaining()} bytes at {@code position}, growing the file when the
     * write ends past it. A write that does not fit in the filesystem's limit writes what fits.
     *
     * @return the bytes written (fewer than asked when the filesystem is almost full)
     * @throws KernelException ENOSPC when not a single byte fits
     */
    int write(ByteBuffer src, long position);

    /**
     * Writes at the end of the file, atomically with respect to other appends through the kernel
     * ({@code O_APPEND}). The default writes at {@link #size()}.
     *
     * @return the bytes written
     */
    default int append(ByteBuffer src) {
        return write(src, size());
    }

    /** The current size in bytes (0 for devices). */
    long size();

    /**
     * Sets the size, dropping bytes past {@code size} or adding zero bytes.
     *
     * @throws KernelException EINVAL for a negative size or a non-truncatable file, ENOSPC when
     *                         growing does not fit
     */
    void truncate(long size);

    /** Flushes written data to its storage ({@code fsync}); no effect in memory. */
    void sync();

    /** Whether positions mean anything ({@code lseek} works): false for devices and pipes. */
    default boolean seekable() {
        return true;
    }

    /**
     * The {@link PollFd} events of {@code events} that are ready now. The default, right for
     * regular files, reports reading and writing always ready.
     */
    default int poll(int events) {
        return events & (PollFd.POLLIN | PollFd.POLLOUT);
    }

    /** Releases the handle; further calls fail with EBADF. Closing twice has no effect. */
    @Override
    void close();
}
