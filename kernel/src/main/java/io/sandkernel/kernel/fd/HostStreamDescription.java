package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stream of the host connected to a process's standard stream ({@code Redirect.Inherit} from
 * the host): reads from an {@link InputStream} or writes to an {@link OutputStream}, flushed after
 * every write so the host sees output at once. The kernel never closes the host's stream. It looks
 * like a pipe to {@code fstat}; {@code poll} reports it always ready, since a Java stream cannot
 * say when it will have data.
 */
public final class HostStreamDescription extends OpenFile {
    private static final AtomicLong INODES = new AtomicLong(900_000_000L);

    private final InputStream in;
    private final OutputStream out;
    private final long ino = INODES.incrementAndGet();
    private final Instant created = Instant.now();

    private HostStreamDescription(InputStream in, OutputStream out) {
        super(in != null ? OpenFlags.O_RDONLY : OpenFlags.O_WRONLY);
        this.in = in;
        this.out = out;
    }

    /** Reads {@code in}, never closing it. */
    public static OpenFile reading(InputStream in) {
        return new HostStreamDescription(java.util.Objects.requireNonNull(in, "in"), null);
    }

    /** Writes {@code out}, never closing it. */
    public static OpenFile writing(OutputStream out) {
        return new HostStreamDescription(null, java.util.Objects.requireNonNull(out, "out"));
    }

    @Override
    protected int doRead(int pid, byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        try {
            // no monitor held while the host's stream blocks
            int n = in.read(buffer, offset, length);
            return Math.max(n, 0);
        } catch (InterruptedIOException e) {
            throw new KernelException(Errno.EINTR, "read interrupted");
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, "host stream: " + e.getMessage(), e);
        }
    }

    @Override
    protected int doWrite(int pid, byte[] buffer, int offset, int length) {
        synchronized (out) {
            try {
                out.write(buffer, offset, length);
                out.flush();
                return length;
            } catch (InterruptedIOException e) {
                throw new KernelException(Errno.EINTR, "write interrupted");
            } catch (IOException e) {
                throw new KernelException(Errno.EIO, "host stream: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public int available() {
        try {
            return in == null ? 0 : in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Stat stat() {
        return new Stat(Pipe.PIPE_DEV, ino, FileType.FIFO.modeBits() | 0600, 1, 0, 0, 0, 0, created, created,
                created);
    }

    @Override
    protected void closeResource() {
        if (out != null) {
            synchronized (out) {
                try {
                    out.flush();
                } catch (IOException e) {
                    // the host's stream is the host's business
                }
            }
        }
    }

    @Override
    public String describe() {
        return "pipe:[" + ino + "]";
    }
}
