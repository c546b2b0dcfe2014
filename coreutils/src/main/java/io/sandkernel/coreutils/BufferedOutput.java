package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A buffered stream on a descriptor, written with the {@code write(2)} system call: standard
 * output, or a file a command writes ({@code sort -o}, uniq's OUTPUT). Nothing is ever dropped
 * silently: a failed write (ENOSPC on /dev/full, EPIPE when SIGPIPE is ignored) raises
 * {@link WriteError} naming the output, which {@link CommandGuard} reports as {@code "cmd: write
 * error: reason"}. A write to a pipe without readers raises SIGPIPE in the kernel, which ends the
 * process before the call returns, as on Linux.
 */
final class BufferedOutput extends OutputStream {
    private static final int SIZE = 1 << 16;

    private final ProcessApi process;
    private final int fd;
    private final String name;
    private final boolean owning;
    private final byte[] buffer = new byte[SIZE];
    private int count;
    private boolean closed;

    private BufferedOutput(ProcessApi process, int fd, String name, boolean owning) {
        this.process = process;
        this.fd = fd;
        this.name = name;
        this.owning = owning;
    }

    /** Standard output (descriptor 1), which closing only flushes. */
    static BufferedOutput standardOutput(ProcessApi process) {
        return new BufferedOutput(process, 1, null, false);
    }

    /**
     * Opens {@code path} for writing (created with mode 0666 less the umask, truncated unless
     * {@code append}); closing the stream flushes it and closes the descriptor.
     *
     * @throws KernelException when it cannot be opened
     */
    static BufferedOutput open(ProcessApi process, String path, boolean append) {
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_CLOEXEC
                | (append ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
        return new BufferedOutput(process, process.open(path, flags, 0666), path, true);
    }

    @Override
    public void write(int b) {
        if (count == buffer.length) {
            flush();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length >= buffer.length) {
            flush();
            writeThrough(bytes, offset, length);
            return;
        }
        if (length > buffer.length - count) {
            flush();
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    @Override
    public void flush() {
        if (count > 0) {
            int pending = count;
            count = 0;
            writeThrough(buffer, 0, pending);
        }
    }

    /** Flushes, then closes the descriptor of an opened file (standard output stays open). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            if (owning) {
                try {
                    process.close(fd);
                } catch (KernelException e) {
                    throw new WriteError(e, name);
                }
            }
        }
    }

    private void writeThrough(byte[] bytes, int offset, int length) {
        try {
            while (length > 0) {
                int n = process.write(fd, bytes, offset, length);
                if (n <= 0) {
                    throw new KernelException(Errno.ENOSPC, "short write");
                }
                offset += n;
                length -= n;
            }
        } catch (KernelException e) {
            throw new WriteError(e, name);
        }
    }
}
