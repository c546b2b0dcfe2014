package io.sandkernel.api;

import io.sandkernel.KernelException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An {@link InputStream} over a descriptor's {@link ProcessApi#read} system call: every read is
 * a kernel call (and so a signal checkpoint). Kernel errors other than EINTR surface as
 * {@link KernelException}s, which programs report as they would any system call's failure.
 */
public final class DescriptorInputStream extends InputStream {
    private final ProcessApi process;
    private final int fd;
    private final boolean owning;
    private boolean closed;

    /**
     * A stream reading {@code fd} of {@code process}.
     *
     * @param owning whether closing the stream closes the descriptor
     */
    public DescriptorInputStream(ProcessApi process, int fd, boolean owning) {
        this.process = Objects.requireNonNull(process, "process");
        this.fd = fd;
        this.owning = owning;
    }

    /** The descriptor read. */
    public int fd() {
        return fd;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (length == 0) {
            return 0;
        }
        int n = process.read(fd, buffer, offset, length);
        return n == 0 ? -1 : n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (owning) {
                process.close(fd);
            }
        }
    }
}
